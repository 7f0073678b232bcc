import { afterEach, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../../../renderer/src/commands/backup/write';
import { applyRestore, previewRestore } from '../../../../../renderer/src/commands/backup/restore';
import { readBackupState } from '../../../../../renderer/src/commands/backup/state';
import { verifyAuditLog } from '../../../../../renderer/src/commands/audit-verify';
import { readInstallation } from '../../../../../renderer/src/queries/installation';
import { counterValue } from '../../../../../renderer/src/queries/consultations';
import { Keyring } from '../../../../../renderer/src/db/keyring';
import { unlockProfile } from '../../../../../renderer/src/commands/session';
import { listProfiles } from '../../../../../renderer/src/queries/session';
import { createConsultation } from '../../../../../renderer/src/commands/consultations';
import { CaseIndex } from '../../../../../renderer/src/queries/case-index';
import { bytesSource } from '../../../../../shared/backup';
import { closeAll } from '../exchange/helpers';
import { closeInstallations, FOLDER, freshDatabase, keyedInstallation, memoryFolderBridge, openedDump, PASSPHRASE, rawDump, reopen, withoutRestore } from './support';
import { EXPERT_PASSPHRASE, intakeOf, richHistory, SECOND_PASSPHRASE } from './history';

/**
 * Backup → restore into a fresh database: every table, as stored and as the app reads it, is the
 * same; the audit chain verifies with the restore linked onto it; the installation keeps its id,
 * its case codes and their sequence; every profile opens with its old passphrase.
 */

afterEach(() => {
  closeInstallations();
  closeAll();
});

describe('backup and restore', () => {
  it('restores the installation exactly, with every table, and it goes on as itself', async () => {
    const a = await keyedInstallation();
    await richHistory(a);
    // The work list index's sealed snapshot (derived data): held before, never in the backup.
    const index = new CaseIndex(a.db);
    await index.start();
    index.stop();
    expect(await index.saveSnapshot()).toBe(true);
    const before = { raw: await rawDump(a), opened: await openedDump(a.db) };
    for (const [table, rows] of Object.entries(before.raw)) expect(rows.length, `${table} holds rows`).toBeGreaterThan(0);
    const verifiedBefore = await verifyAuditLog(a.ctx);
    expect(verifiedBefore.result.ok).toBe(true);

    const { bridge, files } = memoryFolderBridge();
    const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { appVersion: '0.1.0' });
    if (outcome.status !== 'written') throw new Error('not written');
    expect([...files.keys()]).toEqual([outcome.record.file]);
    const state = await readBackupState(a.db);
    expect(state.last).toEqual(outcome.record);
    const logged = (await a.db.audit.toArray()).filter((e) => e.action === 'backup.write');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0]!.details)).not.toContain('Synteettinen kysymys');

    // A new installation (a new laptop): the first-run screen's database.
    const b = freshDatabase();
    const prepared = await previewRestore(b.db, bytesSource(files.get(outcome.record.file)!), PASSPHRASE);
    expect(prepared.preview.header.sender.name).toBe('Synteettinen OT-keskus A');
    expect(prepared.preview.counts.consultations).toBe(before.raw.consultations!.length);
    expect(prepared.preview.digest).toBe(outcome.record.digest);
    const restoredAt = new Date(a.ctx.now().getTime() + 86_400_000);
    const result = await applyRestore(b.db, prepared, restoredAt);
    expect(result.actor).toBe('Koordinaattori A');

    // Every table, as stored: equal but for the restore's own event and the head, clock and state it moved.
    const afterRaw = await rawDump(b);
    // …except the derived snapshot, which a restore leaves empty (the index rebuilds it from the rows).
    expect(afterRaw.indexSnapshot).toEqual([]);
    expect(withoutRestore({ ...afterRaw, indexSnapshot: [] })).toEqual(withoutRestore({ ...before.raw, indexSnapshot: [] }));
    const restoreEvents = afterRaw.audit!.filter((e) => (e as { action: string }).action === 'backup.restore');
    expect(restoreEvents).toHaveLength(1);
    expect(JSON.stringify(restoreEvents[0])).not.toContain('Synteettinen kysymys');

    // Every table, as the app reads it, with the same key.
    b.db.close();
    const sameKey = reopen(b, a.keyring, () => restoredAt);
    expect(withoutRestore(await openedDump(sameKey))).toEqual(withoutRestore({ ...before.opened, indexSnapshot: [] }));
    expect((await readInstallation(sameKey)).id).toBe((await readInstallation(a.db)).id);
    sameKey.close();

    // The same installation: every profile opens with its old passphrase; chain, codes and sequences go on.
    const keyring = new Keyring();
    const restored = reopen(b, keyring, () => restoredAt);
    const profiles = await listProfiles(restored);
    expect(profiles.map((p) => p.name).toSorted()).toEqual(['Asiantuntija', 'Koordinaattori 2', 'Koordinaattori A']);
    for (const [name, passphrase] of [['Koordinaattori 2', SECOND_PASSPHRASE], ['Asiantuntija', EXPERT_PASSPHRASE], ['Koordinaattori A', PASSPHRASE]] as const) {
      keyring.lock();
      await unlockProfile({ db: restored, keyring: keyring, now: () => restoredAt }, profiles.find((p) => p.name === name)!.id, passphrase);
      expect(keyring.unlocked).toBe(true);
    }
    const ctx = { db: restored, actor: 'Koordinaattori A', profile: a.profile, now: () => restoredAt };
    const verified = await verifyAuditLog(ctx);
    expect(verified.result).toMatchObject({ ok: true });
    expect(verified.result.count).toBe(verifiedBefore.result.count + 1 + 3);
    const sequenceBefore = (await a.db.counters.toArray()).filter((c) => c.key.startsWith('caseCode'));
    const next = await createConsultation(ctx, intakeOf('uusi palautuksen jälkeen'));
    const nextInA = await createConsultation(a.ctx, intakeOf('uusi alkuperäisessä'));
    expect(next.caseCode).toBe(nextInA.caseCode);
    expect(sequenceBefore.length).toBeGreaterThan(0);
    expect(await counterValue(restored, 'consultations:total')).toBe(await counterValue(a.db, 'consultations:total'));
  });

  it('restores a backup packed either way (deflate-raw, what the app writes, and none) exactly', async () => {
    const a = await keyedInstallation();
    await richHistory(a);
    const before = await rawDump(a);
    const { bridge, files } = memoryFolderBridge();
    const packed: Record<string, unknown> = {};
    for (const compression of ['deflate-raw', 'none'] as const) {
      // Before this backup's own audit event: what its snapshot holds.
      const taken = withoutRestore({ ...(await rawDump(a)), indexSnapshot: [] });
      const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { appVersion: '0.1.0', compression });
      if (outcome.status !== 'written') throw new Error('not written');
      const b = freshDatabase();
      const prepared = await previewRestore(b.db, bytesSource(files.get(outcome.record.file)!), PASSPHRASE);
      packed[compression] = prepared.preview.header.payload.compression;
      expect(prepared.preview.digest).toBe(outcome.record.digest);
      await applyRestore(b.db, prepared, new Date(a.ctx.now().getTime() + 86_400_000));
      const restored = withoutRestore({ ...(await rawDump(b)), indexSnapshot: [] });
      expect(restored).toEqual(taken);
      expect(restored.consultations).toEqual(before.consultations);
      files.delete(outcome.record.file);
    }
    expect(packed).toEqual({ 'deflate-raw': 'deflate-raw', none: 'none' });
  });
});
