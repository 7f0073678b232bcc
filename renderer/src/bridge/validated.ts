import { bridgeContract, type Bridge, type BridgeArgs, type BridgeResult } from '../../../shared/bridge/contract';
import { BRIDGE_METHODS, type BridgeMethod } from '../../../shared/bridge/methods';

type RawCall = (method: BridgeMethod, args: unknown) => Promise<unknown>;

/**
 * Wraps a shell implementation so that every argument and result crosses the boundary parsed by the
 * shared contract, whichever shell (Electron preload or the web bridge) sits behind it.
 */
export function validatedBridge(call: RawCall): Bridge {
  const bridge = {} as Record<BridgeMethod, (args: unknown) => Promise<unknown>>;
  for (const method of BRIDGE_METHODS) {
    const schema = bridgeContract[method];
    bridge[method] = async (args) => schema.result.parse(await call(method, schema.args.parse(args)));
  }
  return bridge as Bridge;
}

export type { BridgeArgs, BridgeResult };
