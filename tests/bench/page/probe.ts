/**
 * The in-page probe for the real app (renderer/index.html). Built as a classic script and injected
 * with Playwright's addInitScript, so it runs before the app's own code in every app page the
 * harness opens. It never touches the app's state: it only watches the DOM and times actions.
 *
 * Times are `performance.now()` in the page: for cold start that is milliseconds since the
 * navigation started (the document's time origin; the runner subtracts `unlockSubmitted` for the
 * figures measured from the unlock, see runner/ops/cold-start.mjs); for actions, from just before the action to the
 * first moment the DOM shows the expected result (checked in a MutationObserver callback, i.e. right
 * after the DOM change that satisfies it, plus a per-frame fallback).
 */

export interface Expect {
  /** The total shown in #worklist-count. */
  count?: number;
  /** The case code in the first list row (aria-rowindex 2). */
  firstCode?: string;
  /** A row that must be in the DOM, and its case code. */
  rowIndex?: number;
  rowCode?: string;
  /** Exact text of #case-heading. */
  heading?: string;
}

export interface ColdStartMarks {
  /** The lock screen is in the DOM (#unlock-passphrase): the app has booted, locked. */
  lockScreen: number | null;
  /**
   * The lock screen's form was submitted (the passphrase typed and Enter pressed): recorded in a
   * capturing `submit` listener on window, before the app's own handler runs.
   */
  unlockSubmitted: number | null;
  /** The session is open (the header's .otk-session-bar is in the DOM): key derived, data key unwrapped, unlock audited. */
  unlocked: number | null;
  /** The work list's shell is in the DOM (#worklist-count, still "Ladataan…"): the app has booted. */
  shell: number | null;
  /** First list row in the DOM (the first page, read from the caseRows index). */
  firstRow: number | null;
  /** The total is shown in #worklist-count (from the counters table or the index). */
  counted: number | null;
  /**
   * The in-memory index is ready: the count is shown and the table holds every case
   * (aria-rowcount = count + 1 — while the index loads it holds only the first page).
   */
  interactive: number | null;
  /** Only on the React baseline page (page/react-baseline.tsx): its one element is in the DOM (`blank-page-load`). */
  blankPage: number | null;
}

export interface Probe {
  marks: ColdStartMarks;
  /** The longest main-thread task (ms) that started in [from, to] — how long input could have waited. */
  longestTaskBetween(from: number, to: number): number;
  shownCount(): number | null;
  tableRows(): number | null;
  rowCodeAt(rowIndex: number): string | null;
  state(): string;
  satisfied(expect: Expect): boolean;
  waitFor(expect: Expect, timeoutMs?: number): Promise<number>;
  settle(): Promise<void>;
  timeHash(hash: string, expect: Expect, timeoutMs?: number): Promise<number>;
  timeClick(buttonText: string, expect: Expect, timeoutMs?: number): Promise<number>;
  goTo(hash: string, expect: Expect, timeoutMs?: number): Promise<void>;
  scrollListToTop(timeoutMs?: number): Promise<void>;
}

declare global {
  interface Window {
    otkProbe?: Probe;
  }
}

const DEFAULT_TIMEOUT = 120_000;

function shownCount(): number | null {
  const text = document.getElementById('worklist-count')?.textContent;
  if (!text) return null;
  const match = /^(\d+)pyyntö/.exec(text.replace(/\s/g, ''));
  return match ? Number(match[1]) : null;
}

function rowCodeAt(rowIndex: number): string | null {
  const row = document.querySelector(`table.otk-table tbody tr[aria-rowindex="${rowIndex}"]`);
  return row?.querySelector('td a')?.textContent ?? null;
}

/** Rows the list table announces (aria-rowcount minus the header row), or null without a table. */
function tableRows(): number | null {
  const value = document.querySelector('table.otk-table')?.getAttribute('aria-rowcount');
  return value ? Number(value) - 1 : null;
}

function state(): string {
  const count = document.getElementById('worklist-count')?.textContent ?? '(no count)';
  const heading = document.getElementById('case-heading')?.textContent ?? '(no case heading)';
  const locked = document.getElementById('unlock-passphrase') !== null;
  return `locked=${locked} hash=${location.hash} count="${count}" tableRows=${tableRows() ?? '(no table)'} firstRow=${rowCodeAt(2) ?? '(none)'} heading="${heading}"`;
}

function satisfied(expect: Expect): boolean {
  if (expect.count !== undefined && shownCount() !== expect.count) return false;
  if (expect.firstCode !== undefined && rowCodeAt(2) !== expect.firstCode) return false;
  if (expect.rowIndex !== undefined) {
    const code = rowCodeAt(expect.rowIndex);
    if (code === null || (expect.rowCode !== undefined && code !== expect.rowCode)) return false;
  }
  if (expect.heading !== undefined && document.getElementById('case-heading')?.textContent !== expect.heading) return false;
  return true;
}

/** Resolves with performance.now() at the first moment `expect` holds. */
function waitFor(expect: Expect, timeoutMs = DEFAULT_TIMEOUT): Promise<number> {
  return new Promise((resolve, reject) => {
    if (satisfied(expect)) {
      resolve(performance.now());
      return;
    }
    let frame = 0;
    const finish = (at: number) => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve(at);
    };
    const check = () => {
      if (satisfied(expect)) finish(performance.now());
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const poll = () => {
      check();
      frame = requestAnimationFrame(poll);
    };
    frame = requestAnimationFrame(poll);
    const timer = setTimeout(() => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${JSON.stringify(expect)}; ${state()}`));
    }, timeoutMs);
  });
}

/** Lets pending rendering and effects finish: two frames and a macrotask. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)));
  });
}

async function timeHash(hash: string, expect: Expect, timeoutMs?: number): Promise<number> {
  if (satisfied(expect)) throw new Error(`precondition: ${JSON.stringify(expect)} already holds before navigating to ${hash}; ${state()}`);
  const start = performance.now();
  location.hash = hash;
  return (await waitFor(expect, timeoutMs)) - start;
}

async function timeClick(buttonText: string, expect: Expect, timeoutMs?: number): Promise<number> {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === buttonText);
  if (!button) throw new Error(`no button "${buttonText}"; ${state()}`);
  if (satisfied(expect)) throw new Error(`precondition: ${JSON.stringify(expect)} already holds before clicking ${buttonText}; ${state()}`);
  const start = performance.now();
  button.click();
  return (await waitFor(expect, timeoutMs)) - start;
}

/** Navigates (untimed) and waits until `expect` holds and the page has settled. */
async function goTo(hash: string, expect: Expect, timeoutMs?: number): Promise<void> {
  if (location.hash !== hash) location.hash = hash;
  await waitFor(expect, timeoutMs);
  await settle();
}

/** Scrolls the list back to its first row (untimed) and waits until that row is in the DOM. */
async function scrollListToTop(timeoutMs?: number): Promise<void> {
  const scroller = document.querySelector('.otk-table-scroll');
  if (!scroller) throw new Error(`no list to scroll; ${state()}`);
  scroller.scrollTop = 0;
  await waitFor({ rowIndex: 2 }, timeoutMs);
  await settle();
}

const marks: ColdStartMarks = { lockScreen: null, unlockSubmitted: null, unlocked: null, shell: null, firstRow: null, counted: null, interactive: null, blankPage: null };

/** Main-thread tasks over 50 ms (Long Tasks API), from the start of the document. */
const longTasks: Array<{ start: number; duration: number }> = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: longestTaskBetween reports 0.
}

function longestTaskBetween(from: number, to: number): number {
  return longTasks.filter((task) => task.start >= from && task.start <= to).reduce((max, task) => Math.max(max, task.duration), 0);
}

/** Cold-start marks, recorded from the very first DOM change of the document. */
function watchColdStart(): void {
  window.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (marks.unlockSubmitted === null && form instanceof HTMLFormElement && form.querySelector('#unlock-passphrase')) marks.unlockSubmitted = performance.now();
    },
    true,
  );
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (marks.lockScreen === null && document.getElementById('unlock-passphrase')) marks.lockScreen = now;
    if (marks.blankPage === null && document.getElementById('bench-blank')) marks.blankPage = now;
    if (marks.unlocked === null && document.querySelector('.otk-session-bar')) marks.unlocked = now;
    if (marks.shell === null && document.getElementById('worklist-count')) marks.shell = now;
    if (marks.firstRow === null && rowCodeAt(2) !== null) marks.firstRow = now;
    const count = shownCount();
    if (marks.counted === null && count !== null) marks.counted = now;
    if (marks.interactive === null && count !== null && (count === 0 || tableRows() === count)) {
      marks.interactive = now;
      marks.shell ??= now;
      marks.firstRow ??= now;
      marks.counted ??= now;
    }
    if (marks.interactive !== null) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-rowcount'] });
}

if (!window.otkProbe) {
  watchColdStart();
  window.otkProbe = { marks, longestTaskBetween, shownCount, tableRows, rowCodeAt, state, satisfied, waitFor, settle, timeHash, timeClick, goTo, scrollListToTop };
}
