// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_SWITCHES,
  forbiddenSwitches,
  refusalMessage,
  switchNameOf,
} from '../../../electron/main/debug-switches';

const none = { hasSwitch: () => false };
const chromiumSaw = (...names: string[]) => ({ hasSwitch: (name: string) => names.includes(name) });
const EXE = '/opt/OT-keskus konsultaatiot/otk-consultation-desk';

describe('FORBIDDEN_SWITCHES', () => {
  it('covers what the issue names: the DevTools port and pipe, every --inspect, --no-sandbox', () => {
    for (const name of ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port', 'inspect-wait', 'no-sandbox']) {
      expect(FORBIDDEN_SWITCHES, name).toHaveProperty([name]);
    }
  });

  it('leaves ordinary switches an IT department may use alone', () => {
    for (const name of ['disable-gpu', 'lang', 'force-device-scale-factor', 'proxy-server', 'ozone-platform']) {
      expect(FORBIDDEN_SWITCHES, name).not.toHaveProperty([name]);
    }
  });
});

describe('switchNameOf', () => {
  it.each([
    ['--remote-debugging-port=9222', 'linux', 'remote-debugging-port'],
    ['--remote-debugging-pipe', 'linux', 'remote-debugging-pipe'],
    ['-remote-debugging-port=9222', 'linux', 'remote-debugging-port'],
    ['--inspect-brk=0.0.0.0:9229', 'darwin', 'inspect-brk'],
    ['--NO-SANDBOX', 'linux', 'no-sandbox'],
    ['/remote-debugging-port=9222', 'win32', 'remote-debugging-port'],
    ['/No-Sandbox', 'win32', 'no-sandbox'],
  ])('%s on %s sets %s', (argument, platform, name) => {
    expect(switchNameOf(argument, platform)).toBe(name);
  });

  it.each([
    ['a path on Linux', '/remote-debugging-port', 'linux'],
    ['a plain word', 'no-sandbox', 'linux'],
    ['a lone dash', '-', 'linux'],
    ['a lone double dash', '--', 'linux'],
    ['an empty name', '--=1', 'linux'],
  ])('%s sets none', (_name, argument, platform) => {
    expect(switchNameOf(argument, platform)).toBeNull();
  });
});

describe('forbiddenSwitches', () => {
  it('finds nothing in an ordinary start', () => {
    expect(forbiddenSwitches(none, [EXE], 'linux')).toEqual([]);
    expect(forbiddenSwitches(none, [EXE, '--disable-gpu', '--lang=fi'], 'linux')).toEqual([]);
  });

  it("takes Chromium's reading (app.commandLine) and the arguments, each switch once, in the list's order", () => {
    expect(forbiddenSwitches(chromiumSaw('remote-debugging-port'), [EXE], 'linux')).toEqual(['remote-debugging-port']);
    expect(forbiddenSwitches(none, [EXE, '--no-sandbox', '--inspect=9229'], 'linux')).toEqual(['inspect', 'no-sandbox']);
    expect(forbiddenSwitches(chromiumSaw('no-sandbox'), [EXE, '--no-sandbox', '--remote-debugging-pipe'], 'linux')).toEqual([
      'remote-debugging-pipe',
      'no-sandbox',
    ]);
  });

  it('never reads argv[0], the executable itself', () => {
    expect(forbiddenSwitches(none, ['--inspect'], 'linux')).toEqual([]);
  });

  it('finds a Windows-style switch only on Windows', () => {
    expect(forbiddenSwitches(none, ['C:\\otk.exe', '/remote-debugging-port=9222'], 'win32')).toEqual(['remote-debugging-port']);
    expect(forbiddenSwitches(none, [EXE, '/remote-debugging-port=9222'], 'linux')).toEqual([]);
  });
});

describe('refusalMessage', () => {
  it('names the switches in Finnish, Swedish and English', () => {
    const { title, content } = refusalMessage(['remote-debugging-port', 'no-sandbox']);
    expect(title).toBe('OT-keskus konsultaatiot');
    const paragraphs = content.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    for (const paragraph of paragraphs) expect(paragraph).toContain('--remote-debugging-port, --no-sandbox');
    expect(paragraphs[0]).toMatch(/^Sovellus ei käynnisty/);
    expect(paragraphs[1]).toMatch(/^Appen startar inte/);
    expect(paragraphs[2]).toMatch(/^The app will not start/);
  });

  it('names at most five', () => {
    const { content } = refusalMessage(Object.keys(FORBIDDEN_SWITCHES));
    expect(content.split('\n\n')[2]).toContain('--remote-debugging-port, --remote-debugging-pipe, --remote-debugging-address, --inspect, --inspect-brk, …');
  });
});
