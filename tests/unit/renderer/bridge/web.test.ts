import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatedBridge } from '../../../../renderer/src/bridge/validated';
import { blobInParts, callWebBridge } from '../../../../renderer/src/bridge/web';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('web bridge: printToPdf', () => {
  it("opens the browser's print dialog for the page on screen and answers printed", async () => {
    const print = vi.fn();
    vi.stubGlobal('window', { print });
    await expect(callWebBridge('printToPdf', { suggestedName: 'yhteenveto.pdf' })).resolves.toEqual({ status: 'printed' });
    expect(print).toHaveBeenCalledOnce();
  });

  it('answers within the contract behind the validated bridge, and never prints for bad arguments', async () => {
    const print = vi.fn();
    vi.stubGlobal('window', { print });
    const bridge = validatedBridge(callWebBridge);
    await expect(bridge.printToPdf({ suggestedName: 'yhteenveto.pdf', landscape: true })).resolves.toEqual({
      status: 'printed',
    });
    await expect(bridge.printToPdf({ suggestedName: 'yhteenveto.txt' })).rejects.toThrow();
    expect(print).toHaveBeenCalledOnce();
  });
});

describe('web bridge: saveFile', () => {
  it('builds the download a part per task, byte for byte the file', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 251);
    for (const part of [1, 7, 999, 1000, 4096]) {
      const blob = await blobInParts(bytes, part);
      expect(blob.size).toBe(bytes.length);
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    }
    expect((await blobInParts(new Uint8Array(0))).size).toBe(0);
  });
});
