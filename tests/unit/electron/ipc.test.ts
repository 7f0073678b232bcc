// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../../shared/bridge/contract';
import { BRIDGE_METHODS, channelFor } from '../../../shared/bridge/methods';
import { registerBridgeHandlers, type BridgeImplementations, type SenderContents } from '../../../electron/main/ipc';
import { createFakeElectron, fakeFrame, FakeWebContents } from './fake-electron';

interface Window {
  id: string;
}

function setup() {
  const { ipcMain } = createFakeElectron();
  const contents = new FakeWebContents();
  const window: Window = { id: 'main' };
  const implementations = {
    appInfo: vi.fn<BridgeImplementations<Window>['appInfo']>(() => ({
      name: 'OT-keskus konsultaatiot',
      version: '0.1.0',
      shell: 'electron',
      platform: 'linux',
      dataLocation: '/home/u/.config/otk',
      keyStore: 'plain',
    })),
    saveFile: vi.fn<BridgeImplementations<Window>['saveFile']>(async () => ({ status: 'saved', location: '/tmp/a.txt' })),
    openFile: vi.fn<BridgeImplementations<Window>['openFile']>(async () => ({ status: 'cancelled' })),
    printToPdf: vi.fn<BridgeImplementations<Window>['printToPdf']>(async () => ({
      status: 'saved',
      location: '/tmp/yhteenveto.pdf',
    })),
    chooseBackupFolder: vi.fn<BridgeImplementations<Window>['chooseBackupFolder']>(async () => ({ status: 'cancelled' })),
    writeBackupPart: vi.fn<BridgeImplementations<Window>['writeBackupPart']>(async () => ({ status: 'done' })),
    readBackupPart: vi.fn<BridgeImplementations<Window>['readBackupPart']>(async () => ({ status: 'failed', code: 'not-found' })),
    listBackupFiles: vi.fn<BridgeImplementations<Window>['listBackupFiles']>(async () => ({ status: 'listed', files: [] })),
    deleteBackupFile: vi.fn<BridgeImplementations<Window>['deleteBackupFile']>(async () => ({ status: 'deleted' })),
    openBackupFile: vi.fn<BridgeImplementations<Window>['openBackupFile']>(async () => ({ status: 'cancelled' })),
    readBackupFile: vi.fn<BridgeImplementations<Window>['readBackupFile']>(async () => ({ status: 'failed', code: 'not-found' })),
    closeBackupFile: vi.fn<BridgeImplementations<Window>['closeBackupFile']>(async () => ({ status: 'closed' })),
  };
  registerBridgeHandlers<SenderContents, Window>({
    ipcMain,
    windowFor: (candidate) => (candidate === contents ? window : null),
    implementations,
  });
  const call = (channel: string, event = contents.invokeEvent(), ...args: unknown[]): Promise<unknown> => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  const nothingRan = (): void => {
    expect(implementations.appInfo).not.toHaveBeenCalled();
    expect(implementations.saveFile).not.toHaveBeenCalled();
    expect(implementations.openFile).not.toHaveBeenCalled();
    expect(implementations.printToPdf).not.toHaveBeenCalled();
    for (const backup of [implementations.chooseBackupFolder, implementations.writeBackupPart, implementations.readBackupPart, implementations.listBackupFiles, implementations.deleteBackupFile]) expect(backup).not.toHaveBeenCalled();
  };
  return { ipcMain, contents, window, implementations, call, nothingRan };
}

const goodSave = { suggestedName: 'yhteenveto.json', bytes: new Uint8Array([1, 2, 3]) };
const goodPrint = { suggestedName: 'yhteenveto.pdf', landscape: true };

describe('bridge handlers: registration', () => {
  it('registers exactly one handler per bridge method, on its own channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(BRIDGE_METHODS.map(channelFor).sort());
    expect([...ipcMain.handlers.keys()].sort()).toEqual([
      'otk:appInfo',
      'otk:chooseBackupFolder',
      'otk:closeBackupFile',
      'otk:deleteBackupFile',
      'otk:listBackupFiles',
      'otk:openBackupFile',
      'otk:openFile',
      'otk:printToPdf',
      'otk:readBackupFile',
      'otk:readBackupPart',
      'otk:saveFile',
      'otk:writeBackupPart',
    ]);
  });
});

describe('bridge handlers: good calls', () => {
  it('appInfo returns the parsed result', async () => {
    const { call } = setup();
    await expect(call('otk:appInfo', undefined, {})).resolves.toMatchObject({ shell: 'electron', platform: 'linux' });
  });

  it('saveFile passes parsed arguments and the sender window to the implementation', async () => {
    const { call, implementations, window } = setup();
    const filters = [{ name: 'JSON', extensions: ['json'] }];
    await expect(call('otk:saveFile', undefined, { ...goodSave, filters })).resolves.toEqual({
      status: 'saved',
      location: '/tmp/a.txt',
    });
    expect(implementations.saveFile).toHaveBeenCalledWith({ ...goodSave, filters }, window);
  });

  it('openFile accepts filters and a maxBytes within the limit', async () => {
    const { call, implementations } = setup();
    const args = { filters: [{ name: 'Paketti', extensions: ['otk'] }], maxBytes: 1024 };
    await expect(call('otk:openFile', undefined, args)).resolves.toEqual({ status: 'cancelled' });
    expect(implementations.openFile).toHaveBeenCalledOnce();
  });

  it('printToPdf passes parsed arguments and the sender window to the implementation', async () => {
    const { call, implementations, window } = setup();
    await expect(call('otk:printToPdf', undefined, goodPrint)).resolves.toEqual({
      status: 'saved',
      location: '/tmp/yhteenveto.pdf',
    });
    expect(implementations.printToPdf).toHaveBeenCalledWith(goodPrint, window);
  });

  it('printToPdf accepts a name without landscape, and .PDF in capitals', async () => {
    const { call, implementations } = setup();
    await expect(call('otk:printToPdf', undefined, { suggestedName: 'OTK-2026-0042.PDF' })).resolves.toMatchObject({
      status: 'saved',
    });
    expect(implementations.printToPdf).toHaveBeenCalledWith({ suggestedName: 'OTK-2026-0042.PDF' }, expect.anything());
  });

  it('printToPdf passes every result the contract allows', async () => {
    const { call, implementations } = setup();
    for (const result of [
      { status: 'printed' },
      { status: 'cancelled' },
      { status: 'failed', code: 'write-failed' },
    ] as const) {
      implementations.printToPdf.mockResolvedValueOnce(result);
      await expect(call('otk:printToPdf', undefined, goodPrint)).resolves.toEqual(result);
    }
  });
});

describe('bridge handlers: sender check', () => {
  it('refuses a call with no sender frame', async () => {
    const { call, contents, nothingRan } = setup();
    await expect(call('otk:appInfo', contents.invokeEvent(null), {})).rejects.toThrow(/frame is gone/);
    nothingRan();
  });

  it('refuses a subframe, even one showing app://otk', async () => {
    const { call, contents, nothingRan } = setup();
    const subframe = fakeFrame('app://otk/index.html');
    await expect(call('otk:saveFile', contents.invokeEvent(subframe), goodSave)).rejects.toThrow(/main frame/);
    nothingRan();
  });

  it('refuses a main frame showing another origin', async () => {
    const { call, contents, nothingRan } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', 'about:blank', '']) {
      contents.mainFrame = fakeFrame(url);
      await expect(call('otk:openFile', contents.invokeEvent(), { filters: [] }), url).rejects.toThrow(/not app:\/\/otk/);
    }
    nothingRan();
  });

  it('refuses a WebContents that is not one of our windows', async () => {
    const { call, nothingRan } = setup();
    const stranger = new FakeWebContents('app://otk/index.html');
    await expect(call('otk:appInfo', stranger.invokeEvent(), {})).rejects.toThrow(/not a window of this app/);
    nothingRan();
  });

  it('refuses printToPdf from a stranger, a subframe or another origin', async () => {
    const { call, contents, nothingRan } = setup();
    const stranger = new FakeWebContents('app://otk/index.html');
    await expect(call('otk:printToPdf', stranger.invokeEvent(), goodPrint)).rejects.toThrow(/not a window of this app/);
    const subframe = fakeFrame('app://otk/index.html');
    await expect(call('otk:printToPdf', contents.invokeEvent(subframe), goodPrint)).rejects.toThrow(/main frame/);
    contents.mainFrame = fakeFrame('https://evil.example/');
    await expect(call('otk:printToPdf', contents.invokeEvent(), goodPrint)).rejects.toThrow(/not app:\/\/otk/);
    nothingRan();
  });

  it('matches the frame by process and routing id, not object identity', async () => {
    const { call, contents } = setup();
    const sameFrameOtherObject = { ...contents.mainFrame };
    await expect(call('otk:appInfo', contents.invokeEvent(sameFrameOtherObject), {})).resolves.toBeDefined();
    const otherProcess = { ...contents.mainFrame, processId: contents.mainFrame.processId + 1 };
    await expect(call('otk:appInfo', contents.invokeEvent(otherProcess), {})).rejects.toThrow(/main frame/);
  });
});

describe('bridge handlers: argument schemas', () => {
  it.each([
    ['a path in suggestedName', 'otk:saveFile', { ...goodSave, suggestedName: '../x' }],
    ['a directory in suggestedName', 'otk:saveFile', { ...goodSave, suggestedName: 'dir/x.json' }],
    ['a Windows path in suggestedName', 'otk:saveFile', { ...goodSave, suggestedName: 'C:\\x.json' }],
    ['.. as suggestedName', 'otk:saveFile', { ...goodSave, suggestedName: '..' }],
    ['a right-to-left override faking the extension', 'otk:saveFile', { ...goodSave, suggestedName: 'yhteenveto\u202Enosj.exe' }],
    ['a zero-width space in suggestedName', 'otk:saveFile', { ...goodSave, suggestedName: 'yhteen\u200Bveto.json' }],
    ['a right-to-left override in the PDF name', 'otk:printToPdf', { suggestedName: 'kirje\u202Efdp.exe.pdf' }],
    ['bytes as a plain array', 'otk:saveFile', { ...goodSave, bytes: [1, 2, 3] }],
    ['bytes as a string', 'otk:saveFile', { ...goodSave, bytes: 'AQID' }],
    ['bytes as an ArrayBuffer', 'otk:saveFile', { ...goodSave, bytes: new ArrayBuffer(3) }],
    ['an extra key', 'otk:saveFile', { ...goodSave, path: '/etc/passwd' }],
    ['an extra key in a filter', 'otk:saveFile', { ...goodSave, filters: [{ name: 'A', extensions: ['a'], x: 1 }] }],
    ['a filter extension with a dot', 'otk:openFile', { filters: [{ name: 'A', extensions: ['.json'] }] }],
    ['maxBytes above the limit', 'otk:openFile', { filters: [], maxBytes: MAX_FILE_BYTES + 1 }],
    ['maxBytes not an integer', 'otk:openFile', { filters: [], maxBytes: 1.5 }],
    ['missing filters', 'otk:openFile', {}],
    ['an extra key on appInfo', 'otk:appInfo', { debug: true }],
    ['a PDF name without .pdf', 'otk:printToPdf', { suggestedName: 'yhteenveto.json' }],
    ['a PDF name with .pdf not at the end', 'otk:printToPdf', { suggestedName: 'yhteenveto.pdf.exe' }],
    ['.pdf alone as the name', 'otk:printToPdf', { suggestedName: '.pdf' }],
    ['a path in the PDF name', 'otk:printToPdf', { suggestedName: '../yhteenveto.pdf' }],
    ['a directory in the PDF name', 'otk:printToPdf', { suggestedName: 'dir/yhteenveto.pdf' }],
    ['a Windows path in the PDF name', 'otk:printToPdf', { suggestedName: 'C:\\yhteenveto.pdf' }],
    ['a control character in the PDF name', 'otk:printToPdf', { suggestedName: 'a\nb.pdf' }],
    ['a missing PDF name', 'otk:printToPdf', { landscape: false }],
    ['landscape not a boolean', 'otk:printToPdf', { ...goodPrint, landscape: 'yes' }],
    ['an extra key on printToPdf', 'otk:printToPdf', { ...goodPrint, path: '/etc/passwd' }],
    ['null', 'otk:appInfo', null],
    ['a string', 'otk:saveFile', 'x'],
  ])('rejects %s', async (_name, channel, payload) => {
    const { call, nothingRan } = setup();
    await expect(call(channel, undefined, payload)).rejects.toThrow(/invalid arguments/);
    nothingRan();
  });

  it('rejects anything but exactly one argument', async () => {
    const { call, contents, nothingRan } = setup();
    await expect(call('otk:appInfo', contents.invokeEvent())).rejects.toThrow(/exactly one argument/);
    await expect(call('otk:appInfo', contents.invokeEvent(), {}, {})).rejects.toThrow(/exactly one argument/);
    nothingRan();
  });

  it('says where the arguments are wrong without echoing them', async () => {
    const { call } = setup();
    const secret = 'Henkilötunnus 010101-123N';
    const error = await call('otk:saveFile', undefined, { suggestedName: secret + '/', bytes: secret, note: secret }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^otk:saveFile: invalid arguments \(/);
    expect(message).toContain('suggestedName');
    expect(message).not.toContain('010101');
  });
});

describe('bridge handlers: result schemas', () => {
  it('refuses to return a result the contract does not allow', async () => {
    const { call, implementations } = setup();
    implementations.openFile.mockResolvedValueOnce({
      status: 'opened',
      name: 'a.txt',
      bytes: 'not bytes' as unknown as Uint8Array,
    });
    await expect(call('otk:openFile', undefined, { filters: [] })).rejects.toThrow(/invalid result/);
  });

  it('refuses a printToPdf result outside the contract', async () => {
    const { call, implementations } = setup();
    implementations.printToPdf.mockResolvedValueOnce({ status: 'opened' } as never);
    await expect(call('otk:printToPdf', undefined, goodPrint)).rejects.toThrow(/invalid result/);
    implementations.printToPdf.mockResolvedValueOnce({ status: 'printed', location: '/tmp/x.pdf' } as never);
    await expect(call('otk:printToPdf', undefined, goodPrint)).rejects.toThrow(/invalid result/);
  });
});
