/**
 * Lets the page breathe during a long backup or restore: `pause()` gives the event loop a turn
 * (a click, a key press, a frame) once `budgetMs` of work has passed since the last turn, and
 * otherwise returns at once — so the work runs in tasks of about the budget, never in one long
 * one, at the cost of a turn every budget. A MessageChannel message is a new task without the
 * timers' clamping. performance.now() is a monotonic timer, not the clock of record.
 */
export function pacer(budgetMs = 25): () => Promise<void> {
  let since = performance.now();
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  const turn = () =>
    new Promise<void>((resolve) => {
      if (!channel) return void setTimeout(resolve, 0);
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await turn();
    since = performance.now();
  };
}
