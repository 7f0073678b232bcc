import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../renderer/src/db/open';
import { createConsultationsInBulk } from '../../../renderer/src/commands/bulk';
import { exportBundle } from '../../../renderer/src/commands/exchange';
import type { CommandContext } from '../../../renderer/src/access/context';
import { THEMES } from '../../../shared/reference/themes';
import { REGION_CODES } from '../../../shared/reference/regions';
import { validIntake } from '../../fixtures/intake';
import { e2eNow } from './clock';
import type { BundleFile } from './desk-files';

/**
 * A full bundle of `count` synthetic requests, written in Node by another installation running the
 * app's own commands (fake-indexeddb): what a colleague's export would hold. The browser under test
 * opens it on its Exchange screen like any file. Only synthetic data: invented people, varied themes
 * and regions so lists, filters and summaries have something to show.
 */
export async function seedBundle(count: number, passphrase: string): Promise<BundleFile> {
  const now = e2eNow();
  const db = createDatabase({ name: `otk-e2e-seed-${count}`, clock: () => now, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  const ctx: CommandContext = { db, actor: 'Siemenasennus', profile: { id: 'seed', name: 'Siemenasennus', role: 'coordinator', language: 'fi' }, now: () => now };
  const inputs = Array.from({ length: count }, (_, i) =>
    validIntake({
      question: `Synteettinen kysymys numero ${i + 1}: miten tukea nuoren arkea?`,
      requester: { ...validIntake().requester, name: `Testi Pyytäjä ${i % 40}`, email: `pyytaja-${i % 40}@example.invalid`, region: REGION_CODES[i % REGION_CODES.length]! },
      subject: { ...validIntake().subject, themes: [THEMES[i % THEMES.length]!.code] },
    }),
  );
  await createConsultationsInBulk(ctx, inputs);
  const { bytes } = await exportBundle(ctx, { scope: { kind: 'full' }, recipient: { kind: 'named', name: 'E2E' }, passphrase });
  db.close();
  return { name: `siemen-${count}.otk`, bytes: Buffer.from(bytes) };
}
