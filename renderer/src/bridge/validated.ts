import type { Bridge, BridgeArgs, BridgeResult, bridgeContract } from '../../../shared/bridge/contract';
import { BRIDGE_METHODS, type BridgeMethod } from '../../../shared/bridge/methods';

type RawCall = (method: BridgeMethod, args: unknown) => Promise<unknown>;

/**
 * The contract's schemas (some eighty zod schemas) load with the first call, not with the lock
 * screen: building them was part of every start before the first paint.
 */
let contract: Promise<typeof bridgeContract> | null = null;
const contractOf = () => (contract ??= import('../../../shared/bridge/contract').then((m) => m.bridgeContract));

/**
 * Wraps a shell implementation so that every argument and result crosses the boundary parsed by the
 * shared contract, whichever shell (Electron preload or the web bridge) sits behind it.
 */
export function validatedBridge(call: RawCall): Bridge {
  const bridge = {} as Record<BridgeMethod, (args: unknown) => Promise<unknown>>;
  for (const method of BRIDGE_METHODS) {
    bridge[method] = async (args) => {
      const schema = (await contractOf())[method];
      return schema.result.parse(await call(method, schema.args.parse(args)));
    };
  }
  return bridge as Bridge;
}

export type { BridgeArgs, BridgeResult };
