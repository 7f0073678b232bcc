import { harness, type Harness } from './harness';

declare global {
  interface Window {
    otkBench?: Harness;
  }
}

window.otkBench = harness;
document.getElementById('status')!.textContent = 'ready';
