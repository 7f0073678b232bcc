import { repeat, timing } from '../measure.mjs';
import { baselineUrl } from './blank-page.mjs';

/** Characters of synthetic text in the field before timing, and keystrokes timed per run. */
const LENGTH = 10_000;
const KEYSTROKES = 10;

/** Synthetic Finnish-like text (no identifiers, numbers or addresses), exactly `length` characters. */
export function syntheticText(length) {
  const words = ['lapsi', 'koulu', 'tuki', 'arki', 'perhe', 'toive', 'kysymys', 'konsultaatio', 'ryhmä', 'tilanne', 'jakso', 'ohjaus', 'keinot', 'sujuu', 'vaihtelee', 'opettaja'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${words[(i * 7 + (i >> 3)) % words.length]}${i % 11 === 10 ? '.\n' : ' '}`;
  return text.slice(0, length);
}

/**
 * In the page: for each keystroke into `selector`, the time from the keydown event (its timeStamp)
 * to the next frame after the value changed — a requestAnimationFrame callback, then a message
 * (after that frame's style, layout and paint) — with the field's length then.
 */
function installTypingTimer(selector) {
  const field = document.querySelector(selector);
  if (!(field instanceof HTMLTextAreaElement)) throw new Error(`no textarea ${selector}`);
  if (globalThis.otkTyping) {
    globalThis.otkTyping.samples = [];
    return;
  }
  const timer = { samples: [], start: null };
  field.addEventListener('keydown', (event) => (timer.start = event.timeStamp), true);
  field.addEventListener('input', () => {
    const start = timer.start;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => timer.samples.push({ ms: performance.now() - start, length: field.value.length });
      channel.port2.postMessage(null);
    });
  });
  globalThis.otkTyping = timer;
}

/** Types KEYSTROKES characters at the end of the field, one at a time, and returns their median. */
async function typeAndTime(page, selector) {
  // The tab in front: a background tab's frames are throttled (two tabs are open here).
  await page.bringToFront();
  await page.evaluate(installTypingTimer, selector);
  await page.focus(selector);
  await page.evaluate((s) => {
    const field = document.querySelector(s);
    field.setSelectionRange(field.value.length, field.value.length);
  }, selector);
  const before = await page.evaluate((s) => document.querySelector(s).value.length, selector);
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type('e');
    await page.waitForFunction((n) => globalThis.otkTyping.samples.length === n, i + 1, { polling: 'raf' });
    // Let the page settle (deferred work, idle callbacks) before the next key: a person's pace.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 80)))));
  }
  const samples = await page.evaluate(() => globalThis.otkTyping.samples);
  samples.forEach((sample, i) => {
    if (sample.length !== before + i + 1) throw new Error(`keystroke ${i + 1}: the field holds ${sample.length} characters, expected ${before + i + 1}`);
  });
  const sorted = samples.map((s) => s.ms).toSorted((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
}

async function fillField(page, selector) {
  await page.fill(selector, syntheticText(LENGTH));
  const length = await page.evaluate((s) => document.querySelector(s).value.length, selector);
  if (length !== LENGTH) throw new Error(`the field holds ${length} characters, expected ${LENGTH}`);
}

/**
 * typing-10k-chars: the new-request form (#/new) of an unlocked app page, its question field
 * (#field-question) holding 10 000 characters of synthetic text; keydown → the next frame after
 * the typed character is in the field (the form, its watchers and the identifier guard have run).
 * typing-10k-chars-baseline: the same text and keystrokes into a plain controlled React textarea
 * (page/react-baseline.tsx `#typing`, same React, same build): no form, no guard.
 * Each run is the median of KEYSTROKES keystrokes, each after the page settled; a fresh tab for
 * each, opened once (the text is filled untimed, then every run types at its end). No count suffix.
 */
export default {
  id: 'typing',
  name: () => 'typing-10k-chars',
  async run(bench) {
    const app = await bench.newAppPage();
    const base = await bench.newAppPage();
    try {
      await app.goto(bench.appUrl.replace(/#.*$/, '#/new'), { waitUntil: 'commit' });
      await bench.unlock(app);
      await app.locator('#field-question').waitFor({ timeout: 120_000 });
      await fillField(app, '#field-question');
      await app.waitForTimeout(1000);
      await base.goto(baselineUrl(bench, '#typing'), { waitUntil: 'commit' });
      await base.locator('#bench-typing').waitFor({ timeout: 60_000 });
      await fillField(base, '#bench-typing');
      const formSamples = [];
      const baseSamples = [];
      // Interleaved, so that a disturbance of the machine falls on both.
      await repeat({
        warmup: bench.warmup,
        runs: bench.runs,
        once: async (i) => {
          const a = await typeAndTime(app, '#field-question');
          const b = await typeAndTime(base, '#bench-typing');
          if (i >= bench.warmup) {
            formSamples.push(a);
            baseSamples.push(b);
          }
          return a;
        },
      });
      return [
        timing('typing-10k-chars', formSamples, { note: `keydown → next frame, new-request question holding ${LENGTH} characters (form + identifier guard); median of ${KEYSTROKES} keys a run` }),
        timing('typing-10k-chars-baseline', baseSamples, { note: `the same into a plain controlled React textarea of ${LENGTH} characters (same build, no form, no guard)` }),
      ];
    } finally {
      await app.close();
      await base.close();
    }
  },
};
