import type { Bridge } from '../../../shared/bridge/contract';
import { BRIDGE_GLOBAL } from '../../../shared/bridge/methods';
import { validatedBridge } from './validated';
import { callWebBridge } from './web';

/** The preload's exposed object in Electron; absent in a plain browser. */
function exposedShell(): Bridge | undefined {
  return (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
}

/** The bridge for this runtime: Electron's preload when present, otherwise the web bridge. */
export function createBridge(): Bridge {
  const shell = exposedShell();
  if (shell) return validatedBridge((method, args) => (shell[method] as (a: unknown) => Promise<unknown>)(args));
  return validatedBridge(callWebBridge);
}
