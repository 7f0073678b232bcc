import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatedBridge } from '../../../../renderer/src/bridge/validated';
import { callWebBridge } from '../../../../renderer/src/bridge/web';

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
