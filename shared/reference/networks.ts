import { z } from 'zod';
import { networkSchema, type Network } from '../domain/network';
import networksJson from './data/networks.json';

/**
 * Default expert networks shipped with a fresh install: EXAMPLE configuration, one set of seven
 * kinds of network per yhteistyöalue, so that every theme routes somewhere sensible until each
 * OT-keskus enters its own networks. Every record carries `example: true`. Parsed at load.
 */

const networkTable = z
  .object({
    note: z.string().min(1),
    version: z.number().int().min(1),
    networks: z.array(networkSchema).min(1),
  })
  .refine((table) => new Set(table.networks.map((n) => n.id)).size === table.networks.length, {
    message: 'duplicate network id in networks.json',
  });

export const NETWORK_TABLE = networkTable.parse(networksJson);
export const DEFAULT_NETWORKS: readonly Network[] = NETWORK_TABLE.networks;

const networkById = new Map(DEFAULT_NETWORKS.map((n) => [n.id, n]));

export function findDefaultNetwork(id: string): Network | undefined {
  return networkById.get(id);
}
