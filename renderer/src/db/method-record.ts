import type { LocalMethod } from '../../../shared/knowledge/methods';
import type { RegistryArrival } from './rows/exchange';

/**
 * A centre's own method in the methods registry (issue 21, schema v7), kept like an expert
 * network: its local revision, per-field clock stamps (so two installations editing different
 * fields both keep their change), what it has seen of other installations' writes and which
 * import wrote it last (local bookkeeping; never travels). Keyed by `id`, which is the code.
 */
export type MethodRecord = LocalMethod & {
  rev: number;
  updatedAt: string;
  stamps: Record<string, string>;
  seen?: Record<string, string>;
  arrived?: RegistryArrival;
};
