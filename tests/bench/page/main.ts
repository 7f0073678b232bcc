import { harness, type Harness } from './harness';
import { installTrustedTypesPolicy, type TrustedTypesFactory } from '../../../renderer/src/security/trusted-types';

declare global {
  interface Window {
    otkBench?: Harness;
  }
}

// As the app (renderer/src/main.tsx): the page is served under the app's CSP, whose Trusted Types
// rule the bundle worker's script URL must pass (export and import run the codec in the worker).
installTrustedTypesPolicy((window as { trustedTypes?: TrustedTypesFactory }).trustedTypes, () => window.location.href);
window.otkBench = harness;
document.getElementById('status')!.textContent = 'ready';
