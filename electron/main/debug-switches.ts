/**
 * Command-line switches a packaged app refuses to start with. No fuse covers them, and a modified
 * shortcut could add them: a debugger attached through the DevTools protocol reads the renderer
 * after the user unlocks (webPreferences.devTools: false does not stop that), and without the
 * sandbox a renderer bug reaches the whole machine. In development (not packaged) they stay usable.
 */

export type SwitchRisk = 'debugger' | 'sandbox';

export const FORBIDDEN_SWITCHES: Readonly<Record<string, SwitchRisk>> = {
  // Chromium's DevTools protocol, over a TCP port or a pipe: full control of every page.
  'remote-debugging-port': 'debugger',
  'remote-debugging-pipe': 'debugger',
  'remote-debugging-address': 'debugger',
  // Node's inspector in the main process (the nodeCliInspect fuse already ignores these; refused anyway).
  inspect: 'debugger',
  'inspect-brk': 'debugger',
  'inspect-brk-node': 'debugger',
  'inspect-port': 'debugger',
  'inspect-wait': 'debugger',
  'inspect-publish-uid': 'debugger',
  debug: 'debugger',
  'debug-brk': 'debugger',
  'debug-port': 'debugger',
  // A wrapper around the renderer, or a pause for a debugger to attach, at process start.
  'renderer-cmd-prefix': 'debugger',
  'utility-cmd-prefix': 'debugger',
  'gpu-launcher': 'debugger',
  'wait-for-debugger': 'debugger',
  'wait-for-debugger-children': 'debugger',
  'renderer-startup-dialog': 'debugger',
  'gpu-startup-dialog': 'debugger',
  // V8 flags reach into the engine that runs the renderer (e.g. --allow-natives-syntax).
  'js-flags': 'debugger',
  // The sandbox, site isolation and the same-origin policy.
  'no-sandbox': 'sandbox',
  'disable-gpu-sandbox': 'sandbox',
  'disable-setuid-sandbox': 'sandbox',
  'disable-namespace-sandbox': 'sandbox',
  'disable-seccomp-filter-sandbox': 'sandbox',
  'no-zygote': 'sandbox',
  'single-process': 'sandbox',
  'disable-web-security': 'sandbox',
  'disable-site-isolation-trials': 'sandbox',
};

/** Electron's `app.commandLine`: Chromium's own reading of the process's switches. */
export interface SwitchSource {
  hasSwitch(name: string): boolean;
}

/**
 * The switch an argument sets, as Chromium reads one (`--name`, `--name=value`, `-name`, and on
 * Windows `/name`), lower-cased; null for anything else. Lower-casing everywhere refuses more
 * than POSIX Chromium would honour (its names are case-sensitive there), never less.
 */
export function switchNameOf(argument: string, platform: string): string | null {
  const prefix = /^--?/.exec(argument)?.[0] ?? (platform === 'win32' && argument.startsWith('/') ? '/' : '');
  if (prefix === '') return null;
  const name = argument.slice(prefix.length).split('=', 1)[0]?.toLowerCase() ?? '';
  return name === '' ? null : name;
}

/**
 * The forbidden switches set, by Chromium's reading (`commandLine.hasSwitch`) or found in `argv`
 * (what Node and Electron were given, read by switchNameOf), each once, in FORBIDDEN_SWITCHES order.
 */
export function forbiddenSwitches(commandLine: SwitchSource, argv: readonly string[], platform: string): string[] {
  const inArgv = new Set(argv.slice(1).map((argument) => switchNameOf(argument, platform)));
  return Object.keys(FORBIDDEN_SWITCHES).filter((name) => commandLine.hasSwitch(name) || inArgv.has(name));
}

/** The process exit code of a start refused for a switch (EX_CONFIG): the smoke test looks for it. */
export const REFUSED_EXIT_CODE = 78;

/** The dialog: what happened and what to do, in Finnish, Swedish and English, naming the switches. */
export function refusalMessage(found: readonly string[]): { title: string; content: string } {
  const shown = found.slice(0, 5).map((name) => `--${name}`).join(', ') + (found.length > 5 ? ', …' : '');
  return {
    title: 'OT-keskus konsultaatiot',
    content: [
      `Sovellus ei käynnisty, koska se käynnistettiin valinnalla, joka avaisi sen vianetsinnälle tai poistaisi sen suojauksen: ${shown}. Käynnistä se tavallisesta pikakuvakkeesta tai ota yhteys IT-tukeen.`,
      `Appen startar inte, eftersom den startades med ett alternativ som skulle öppna den för felsökning eller ta bort dess skydd: ${shown}. Starta den från den vanliga genvägen eller kontakta IT-supporten.`,
      `The app will not start: it was started with an option that would open it to a debugger or remove its protection: ${shown}. Start it from the usual shortcut, or contact IT support.`,
    ].join('\n\n'),
  };
}
