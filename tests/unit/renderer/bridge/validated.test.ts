import { describe, expect, it, vi } from 'vitest';
import { validatedBridge } from '../../../../renderer/src/bridge/validated';

describe('validatedBridge', () => {
  it('passes parsed arguments through and parses the result', async () => {
    const call = vi.fn(async () => ({ status: 'saved', location: '/tmp/x.otk' }));
    const bridge = validatedBridge(call);
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(bridge.saveFile({ suggestedName: 'x.otk', bytes })).resolves.toEqual({ status: 'saved', location: '/tmp/x.otk' });
    expect(call).toHaveBeenCalledWith('saveFile', { suggestedName: 'x.otk', bytes });
  });

  it('refuses bad arguments before they reach the shell', async () => {
    const call = vi.fn();
    const bridge = validatedBridge(call);
    await expect(bridge.saveFile({ suggestedName: '../etc/passwd', bytes: new Uint8Array() })).rejects.toThrow();
    await expect(bridge.saveFile({ suggestedName: 'a.txt', bytes: 'text' as unknown as Uint8Array })).rejects.toThrow();
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses a result that breaks the contract', async () => {
    const bridge = validatedBridge(async () => ({ status: 'opened', name: 'x', bytes: 'not bytes' }));
    await expect(bridge.openFile({ filters: [{ name: 'Bundle', extensions: ['otk'] }] })).rejects.toThrow();
  });

  it('printToPdf: passes a PDF name and landscape, and parses each allowed result', async () => {
    const call = vi.fn(async () => ({ status: 'printed' }));
    const bridge = validatedBridge(call);
    await expect(bridge.printToPdf({ suggestedName: 'OTK-2026-0042.pdf', landscape: true })).resolves.toEqual({
      status: 'printed',
    });
    expect(call).toHaveBeenCalledWith('printToPdf', { suggestedName: 'OTK-2026-0042.pdf', landscape: true });
    for (const result of [
      { status: 'saved', location: '/home/u/Documents/a.pdf' },
      { status: 'cancelled' },
      { status: 'failed', code: 'write-failed' },
    ]) {
      await expect(validatedBridge(async () => result).printToPdf({ suggestedName: 'a.pdf' })).resolves.toEqual(result);
    }
  });

  it('printToPdf: refuses a name that is not a safe .pdf file name before it reaches the shell', async () => {
    const call = vi.fn();
    const bridge = validatedBridge(call);
    for (const suggestedName of ['a.json', 'a.pdf.exe', '.pdf', '', '../a.pdf', 'dir/a.pdf', 'C:\\a.pdf', 'a\u0000.pdf']) {
      await expect(bridge.printToPdf({ suggestedName }), suggestedName).rejects.toThrow();
    }
    await expect(bridge.printToPdf({ suggestedName: 'a.pdf', landscape: 'yes' as unknown as boolean })).rejects.toThrow();
    await expect(bridge.printToPdf({ suggestedName: 'a.pdf', extra: 1 } as never)).rejects.toThrow();
    expect(call).not.toHaveBeenCalled();
  });

  it('printToPdf: refuses a result that breaks the contract', async () => {
    const bridge = validatedBridge(async () => ({ status: 'opened', name: 'a.pdf', bytes: new Uint8Array() }));
    await expect(bridge.printToPdf({ suggestedName: 'a.pdf' })).rejects.toThrow();
    const failed = validatedBridge(async () => ({ status: 'failed', code: 'printer-on-fire' }));
    await expect(failed.printToPdf({ suggestedName: 'a.pdf' })).rejects.toThrow();
  });
});
