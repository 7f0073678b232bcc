/**
 * A promise that settles in a new task of the event loop: scheduler.yield() where the browser has
 * it, else a message on a fresh channel (no timer clamping, unlike setTimeout after a few nests).
 * Long work on the UI thread awaits it between slices so that no task blocks input for long.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
