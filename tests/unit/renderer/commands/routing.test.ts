import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { proposalChanged, routeRequest, routingRequestOf } from '../../../../shared/routing';
import { deactivateNetwork, saveNetwork } from '../../../../renderer/src/commands/networks';
import { CommandError, ValidationError } from '../../../../renderer/src/access/errors';
import { statusCounter } from '../../../../renderer/src/db/counters';
import { counterValue, timelineOf } from '../../../../renderer/src/queries/consultations';
import { DEFAULT_NETWORKS } from '../../../../shared/reference/networks';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

let db: OtkDatabase;
afterEach(() => db?.close());

function context() {
  db = createDatabase({ name: 'otk-routing', clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  return { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => NOW };
}

const LANSI_MULTI = '00000000-0000-7000-8000-000000000041';
const LANSI_NEPSY = '00000000-0000-7000-8000-000000000042';

describe('a fresh installation', () => {
  it('holds the shipped example networks for all five areas', async () => {
    context();
    const networks = await db.networks.toArray();
    expect(networks).toHaveLength(DEFAULT_NETWORKS.length);
    expect(new Set(networks.map((n) => n.area))).toEqual(new Set(['etela', 'ita', 'sisa', 'lansi', 'pohjoinen']));
    expect(networks.every((n) => n.example)).toBe(true);
  });
});

/** A request the coordinator has accepted (OT level): only such a case is routed. */
async function acceptedCase(ctx: ReturnType<typeof context>) {
  const created = await createConsultation(ctx, validIntake());
  return transitionConsultation(ctx, created.id, 'accept');
}

describe('routeConsultation', () => {
  it('routes to the proposed network without a reason, moves the case to routed and audits it', async () => {
    const ctx = context();
    const created = await acceptedCase(ctx);
    const routed = await routeConsultation(ctx, created.id, { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY });
    expect(routed.status).toBe('routed');
    expect(routed.routing).toMatchObject([
      { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY, override: false, reason: '', at: NOW.toISOString(), by: 'test-coordinator' },
    ]);
    expect(routed.routing[0]!.proposal?.candidates[0]).toMatchObject({ networkId: LANSI_NEPSY, rank: 1, scope: 'home' });
    expect(await counterValue(db, statusCounter('accepted'))).toBe(0);
    expect(await counterValue(db, statusCounter('routed'))).toBe(1);
    expect((await db.caseRows.get(created.id))?.status).toBe('routed');
    const event = (await timelineOf(db, created.id)).find((e) => e.action === 'consultation.route');
    expect(event?.details).toEqual({ action: 'route', from: 'accepted', to: 'routed', network: LANSI_NEPSY, proposed: LANSI_NEPSY, override: 'no', reroute: 'no', decision: '0', transition: '1' });
  });

  it('requires a reason to override the proposal, and keeps the reason on the case, not in the log', async () => {
    const ctx = context();
    const created = await acceptedCase(ctx);
    await expect(routeConsultation(ctx, created.id, { networkId: LANSI_MULTI, proposedNetworkId: LANSI_NEPSY })).rejects.toMatchObject({
      issues: [{ path: 'reason', message: 'validation.required' }],
    });
    const routed = await routeConsultation(ctx, created.id, { networkId: LANSI_MULTI, proposedNetworkId: LANSI_NEPSY, reason: 'Monialainen arvio tarpeen' });
    expect(routed.routing.at(-1)).toMatchObject({ override: true, reason: 'Monialainen arvio tarpeen' });
    const event = (await timelineOf(db, created.id)).find((e) => e.action === 'consultation.route');
    expect(event?.details?.override).toBe('yes');
    expect(JSON.stringify(event)).not.toContain('Monialainen arvio');
  });

  it('re-routes with a reason, keeping the history', async () => {
    const ctx = context();
    const created = await acceptedCase(ctx);
    await routeConsultation(ctx, created.id, { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY });
    await expect(routeConsultation(ctx, created.id, { networkId: LANSI_MULTI, proposedNetworkId: LANSI_NEPSY })).rejects.toBeInstanceOf(ValidationError);
    const rerouted = await routeConsultation(ctx, created.id, { networkId: LANSI_MULTI, proposedNetworkId: LANSI_NEPSY, reason: 'Verkosto lomalla' });
    expect(rerouted.routing.map((d) => d.networkId)).toEqual([LANSI_NEPSY, LANSI_MULTI]);
    expect(await counterValue(db, statusCounter('routed'))).toBe(1);
  });

  it('refuses a deactivated or unknown network and changes nothing', async () => {
    const ctx = context();
    const created = await acceptedCase(ctx);
    await deactivateNetwork({ ...ctx, now: () => new Date(NOW.getTime() - 3 * 86_400_000) }, LANSI_NEPSY);
    await expect(routeConsultation(ctx, created.id, { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY })).rejects.toMatchObject({
      issues: [{ path: 'networkId', message: 'routing.networkInactive' }],
    });
    await expect(routeConsultation(ctx, created.id, { networkId: 'nope', proposedNetworkId: null, reason: 'x' })).rejects.toBeInstanceOf(ValidationError);
    expect((await db.consultations.get(created.id))?.status).toBe('accepted');
  });

  it('refuses an identity code in the reason of an anonymous case', async () => {
    const ctx = context();
    const created = await acceptedCase(ctx);
    await expect(
      routeConsultation(ctx, created.id, { networkId: LANSI_MULTI, proposedNetworkId: LANSI_NEPSY, reason: 'Lapsi 131052-308T' }),
    ).rejects.toMatchObject({ issues: [{ path: 'reason', message: expect.stringMatching(/^guard\.henkilotunnusAnonymous/) }] });
  });

  it('keeps the proposal and its reasons as they were when the registry changes later', async () => {
    const ctx = context();
    const created = await acceptedCase(ctx);
    const routed = await routeConsultation(ctx, created.id, { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY });
    const frozen = routed.routing[0]!.proposal!;
    // The network stops covering the case's themes: today's engine would propose another network.
    const network = (await db.networks.get(LANSI_NEPSY))!;
    await saveNetwork(ctx, { ...network, themes: ['eating-disorder'] }, network.rev);
    const stored = (await db.consultations.get(created.id))!;
    expect(stored.routing[0]!.proposal).toEqual(frozen);
    expect(frozen.candidates[0]!.reasons.map((r) => r.code)).toContain('match.all-themes');
    const today = routeRequest(routingRequestOf(stored, '2026-11-23'), await db.networks.toArray());
    expect(proposalChanged(frozen, today)).toBe(true);
    expect(proposalChanged(frozen, routeRequest(routingRequestOf(stored, '2026-11-23'), [{ ...network }, ...(await db.networks.toArray()).filter((n) => n.id !== LANSI_NEPSY)]))).toBe(false);
  });

  it('refuses a stale revision and an unknown case', async () => {
    const ctx = context();
    const created = await acceptedCase(ctx);
    await expect(routeConsultation(ctx, created.id, { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY }, created.rev - 1)).rejects.toEqual(
      new CommandError('changedElsewhere'),
    );
    await expect(routeConsultation(ctx, 'missing', { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY })).rejects.toEqual(new CommandError('notFound'));
  });
});

describe('network registry commands', () => {
  it('edits a shipped example (it becomes the centre’s own) and audits the fields', async () => {
    const ctx = context();
    const before = (await db.networks.get(LANSI_NEPSY))!;
    const saved = await saveNetwork(ctx, { ...before, contact: { person: 'Testi Yhteyshenkilö', channel: 'puhelin' } }, before.rev);
    expect(saved.example).toBe(false);
    expect(saved.rev).toBe(before.rev + 1);
    const event = (await db.audit.toArray()).find((e) => e.action === 'network.update');
    expect(event?.fields.sort()).toEqual(['contact', 'example']);
  });

  it('refuses an invalid network with field issues and writes nothing', async () => {
    const ctx = context();
    const before = (await db.networks.get(LANSI_NEPSY))!;
    await expect(saveNetwork(ctx, { ...before, themes: [], name: { ...before.name, fi: '' } })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        { path: 'name.fi', message: 'validation.required' },
        { path: 'themes', message: 'validation.chooseAtLeastOne' },
      ]),
    });
    expect((await db.networks.get(LANSI_NEPSY))?.rev).toBe(before.rev);
  });

  it('deactivates without deleting', async () => {
    const ctx = context();
    const deactivated = await deactivateNetwork(ctx, LANSI_NEPSY);
    expect(deactivated.activeTo).toBe('2026-11-22');
    expect(await db.networks.count()).toBe(DEFAULT_NETWORKS.length);
  });
});
