import { useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The baselines of the shell's figures, built into the benchmark build next to the app with the same
 * React and ReactDOM (tests/bench/vite.config.ts), served from the same origin:
 *
 * - `#blank` (the default): one React element, `<p id="bench-blank">` — what `blank-page-load` times
 *   (navigation → that element in the DOM, as `cold-start-…-lock-screen` times the lock screen);
 * - `#typing`: one controlled `<textarea id="bench-typing">` and nothing else — the baseline of
 *   `typing-10k-chars` (the same 10 000 characters, the same keystrokes, no form and no guard).
 */

function Typing() {
  const [text, setText] = useState('');
  return <textarea id="bench-typing" aria-label="typing baseline" rows={8} cols={80} value={text} onChange={(event) => setText(event.target.value)} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(location.hash === '#typing' ? <Typing /> : <p id="bench-blank">blank</p>);
