import type { z } from 'zod';
import { bridgeContract, type BridgeResult } from '../../shared/bridge/contract';
import { BRIDGE_METHODS, channelFor, type BridgeMethod } from '../../shared/bridge/methods';
import { isAppUrl } from './app-url';

/** What identifies a frame; distinct WebFrameMain objects for one frame share processId + routingId. */
export interface FrameRef {
  url: string;
  processId: number;
  routingId: number;
}

export interface SenderContents {
  readonly id: number;
  mainFrame: FrameRef;
}

export interface InvokeEvent<C extends SenderContents> {
  sender: C;
  senderFrame: FrameRef | null;
}

export interface IpcRegistrar<C extends SenderContents> {
  handle(channel: string, listener: (event: InvokeEvent<C>, ...args: unknown[]) => Promise<unknown>): void;
}

type ParsedArgs<M extends BridgeMethod> = z.output<(typeof bridgeContract)[M]['args']>;

/** One implementation per bridge method, given parsed arguments and the window that asked. */
export type BridgeImplementations<W> = {
  [M in BridgeMethod]: (args: ParsedArgs<M>, window: W) => Promise<BridgeResult<M>> | BridgeResult<M>;
};

export interface BridgeDeps<C extends SenderContents, W> {
  ipcMain: IpcRegistrar<C>;
  /** Our window showing `contents`, or null when we did not create it. */
  windowFor: (contents: C) => W | null;
  implementations: BridgeImplementations<W>;
}

export class BridgeRefusal extends Error {
  override name = 'BridgeRefusal';
}

/**
 * Returns the window when the call comes from the main frame of one of our windows showing
 * app://otk; throws otherwise (no frame, a subframe, another origin, an unknown WebContents).
 */
export function checkSender<C extends SenderContents, W>(
  event: InvokeEvent<C>,
  windowFor: (contents: C) => W | null,
  channel: string,
): W {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  if (!frame) throw new BridgeRefusal(`${channel}: refused, the sending frame is gone`);
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) {
    throw new BridgeRefusal(`${channel}: refused, only the main frame may call the bridge`);
  }
  if (!isAppUrl(frame.url)) throw new BridgeRefusal(`${channel}: refused, the sender is not app://otk`);
  const window = windowFor(event.sender);
  if (window === null) throw new BridgeRefusal(`${channel}: refused, the sender is not a window of this app`);
  return window;
}

/** Names where and how the arguments are wrong, never what they contain. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(arguments)'}: ${issue.code}`)
    .join('; ');
}

/**
 * Registers one `ipcMain.handle` per bridge method. Each call: sender check, exactly one argument
 * parsed with the contract's schema, the implementation, and the result parsed before it leaves.
 */
export function registerBridgeHandlers<C extends SenderContents, W>(deps: BridgeDeps<C, W>): void {
  for (const method of BRIDGE_METHODS) {
    const channel = channelFor(method);
    const contract = bridgeContract[method];
    // Correlating `method` with its own implementation is beyond TypeScript; the contract parses both ends.
    const implementation = deps.implementations[method] as (args: unknown, window: W) => unknown;

    deps.ipcMain.handle(channel, async (event, ...payload) => {
      const window = checkSender(event, deps.windowFor, channel);
      if (payload.length !== 1) throw new BridgeRefusal(`${channel}: expected exactly one argument`);
      const parsed = contract.args.safeParse(payload[0]);
      if (!parsed.success) {
        throw new BridgeRefusal(`${channel}: invalid arguments (${describeIssues(parsed.error)})`);
      }
      const result = contract.result.safeParse(await implementation(parsed.data, window));
      if (!result.success) throw new Error(`${channel}: the shell produced an invalid result`);
      return result.data;
    });
  }
}
