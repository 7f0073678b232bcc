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
});
