import { createConsultation, updateConsultation } from '../../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../../renderer/src/commands/lifecycle';
import { routeConsultation } from '../../../../../renderer/src/commands/routing';
import { bookConsultation, saveMeeting } from '../../../../../renderer/src/commands/meetings';
import { dueCases, purgeCases } from '../../../../../renderer/src/commands/retention';
import { saveSettings } from '../../../../../renderer/src/commands/settings';
import { saveLocalMethod } from '../../../../../renderer/src/commands/methods';
import { readSettings } from '../../../../../renderer/src/queries/settings';
import { exportBundle, previewImport, applyImport } from '../../../../../renderer/src/commands/exchange';
import { readInstallation } from '../../../../../renderer/src/queries/installation';
import { addProfile } from '../../../../../renderer/src/commands/session';
import type { IntakeInput } from '../../../../../shared/domain/consultation';
import { helsinkiDate } from '../../../../../shared/calendar/target-date';
import { validIntake } from '../../../../fixtures/intake';
import { FAST_KDF, installation as peerInstallation, PASS, NEPSY, type Installation } from '../exchange/helpers';
import { PASSPHRASE, type KeyedInstallation } from './support';

/**
 * A centre's working history, as the backup tests need it: cases in every state of the lifecycle,
 * a booked meeting, a recommendation, a reopened case, a purge, a second coordinator and an expert,
 * a bundle imported from another installation with a conflict, drafts and a quarantined record —
 * so that every table of the database holds rows.
 */

export const SECOND_PASSPHRASE = 'toisen koordinaattorin oma lause';
export const EXPERT_PASSPHRASE = 'asiantuntijan oma pitkä lause';
const DAY = 86_400_000;

export const intakeOf = (n: string, overrides: Partial<IntakeInput> = {}) =>
  validIntake({
    question: `Synteettinen kysymys ${n}: miten tukea nuoren koulunkäyntiä?`,
    requester: { ...validIntake().requester, name: `Testi Pyytäjä ${n}`, email: `pyytaja-${n.normalize('NFD').replace(/[^a-z0-9]+/gi, '')}@example.invalid` },
    ...overrides,
  });

const recommendation = (n: string) => ({
  language: 'fi' as const,
  questionSummary: `Suosituksen tiivistelmä ${n}.`,
  recommendations: [`Suositus ${n}: yhteinen palaveri`],
  nextSteps: [{ step: `Askel ${n}`, by: 'koulukuraattori' }],
  followUpDate: '',
});

/** Received → accepted → routed → scheduled → consulted (→ sent) (→ closed). */
async function throughConsultation(a: KeyedInstallation, n: string, until: 'scheduled' | 'consulted' | 'sent' | 'closed') {
  const { ctx } = a;
  const created = await createConsultation(ctx, intakeOf(n));
  await transitionConsultation(ctx, created.id, 'accept');
  await routeConsultation(ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
  const date = helsinkiDate(new Date(ctx.now().getTime() + 2 * DAY));
  const meeting = await saveMeeting(ctx, { networkId: NEPSY, date, time: '09:00', durationMinutes: 60, mode: 'video', capacity: 4, participants: [], location: `Neuvotteluhuone ${n}`, notes: `Muistiinpano ${n}` });
  await bookConsultation(ctx, created.id, { meetingId: meeting.id });
  if (until === 'scheduled') return created;
  a.advance(3 * DAY);
  await transitionConsultation(ctx, created.id, 'consult', { recommendation: recommendation(n) });
  if (until === 'consulted') return created;
  await transitionConsultation(ctx, created.id, 'send-recommendation');
  if (until === 'sent') return created;
  await transitionConsultation(ctx, created.id, 'close', { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided', note: `Loppuhuomio ${n}` } });
  return created;
}

export interface History {
  peer: Installation;
  /** Case ids by what happened to them. */
  cases: Record<string, string>;
}

export async function richHistory(a: KeyedInstallation): Promise<History> {
  const { ctx } = a;
  const cases: Record<string, string> = {};
  await saveSettings(ctx, { ...(await readSettings(ctx.db)), caseCodePrefix: 'OTKB' });
  cases.received = (await createConsultation(ctx, intakeOf('vastaanotettu'))).id;
  const accepted = await createConsultation(ctx, intakeOf('hyväksytty'));
  await transitionConsultation(ctx, accepted.id, 'accept');
  cases.accepted = accepted.id;
  const declined = await createConsultation(ctx, intakeOf('hylätty'));
  await transitionConsultation(ctx, declined.id, 'decline', { reason: 'belongs-elsewhere', whereToTurn: 'Perheneuvola' });
  cases.declined = declined.id;
  const asked = await createConsultation(ctx, intakeOf('lisätietoja'));
  await transitionConsultation(ctx, asked.id, 'request-information', { asked: 'Mitä tukitoimia on jo kokeiltu?' });
  cases.asked = asked.id;
  const cancelled = await createConsultation(ctx, intakeOf('peruttu'));
  await transitionConsultation(ctx, cancelled.id, 'cancel', { reason: 'Pyytäjä perui pyynnön' });
  cases.cancelled = cancelled.id;
  cases.routed = (await createConsultation(ctx, intakeOf('ohjattu'))).id;
  await transitionConsultation(ctx, cases.routed, 'accept');
  await routeConsultation(ctx, cases.routed, { networkId: NEPSY, proposedNetworkId: NEPSY });
  cases.scheduled = (await throughConsultation(a, 'varattu', 'scheduled')).id;
  cases.consulted = (await throughConsultation(a, 'konsultoitu', 'consulted')).id;
  cases.sent = (await throughConsultation(a, 'lähetetty', 'sent')).id;
  cases.closed = (await throughConsultation(a, 'suljettu', 'closed')).id;
  cases.reopened = (await throughConsultation(a, 'avattu', 'closed')).id;
  await transitionConsultation(ctx, cases.reopened, 'reopen', { reason: 'Pyytäjä kysyi lisää' });
  cases.purged = (await throughConsultation(a, 'poistettu', 'closed')).id;

  // A centre's own method (the methods registry, issue 21).
  await saveLocalMethod(ctx, {
    id: 'local-00000000b1',
    code: 'local-00000000b1',
    name: { fi: 'Synteettinen perheryhmä', sv: 'Syntetisk familjegrupp', en: 'Synthetic family group' },
    description: { fi: 'Keksitty menetelmä varmuuskopiotestiä varten.', sv: 'Påhittad metod för säkerhetskopieringstest.', en: 'An invented method for the backup test.' },
    ages: { from: 7, to: 12 },
    themes: ['school-absence'],
    activeTo: null,
  });

  // A second coordinator and an expert, each with an own passphrase.
  await addProfile({ db: ctx.db, actor: ctx.profile.name, profile: ctx.profile, now: ctx.now }, { name: 'Koordinaattori 2', language: 'sv', role: 'coordinator', passphrase: SECOND_PASSPHRASE, confirm: SECOND_PASSPHRASE, currentPassphrase: PASSPHRASE });
  await addProfile({ db: ctx.db, actor: ctx.profile.name, profile: ctx.profile, now: ctx.now }, { name: 'Asiantuntija', language: 'fi', role: 'expert', networkId: NEPSY, passphrase: EXPERT_PASSPHRASE, confirm: EXPERT_PASSPHRASE, currentPassphrase: PASSPHRASE });

  // Another installation: it receives everything, both sides edit one question, its bundle comes back.
  const peer = await peerInstallation('vertainen');
  peer.setNow(ctx.now().getTime());
  const self = await readInstallation(ctx.db);
  const out = await exportBundle(ctx, { scope: { kind: 'full' }, recipient: { kind: 'installation', installationId: peer.id, name: 'Vertainen' }, passphrase: PASS, kdfIterations: FAST_KDF });
  const intoPeer = await previewImport(peer.ctx, out.bytes, PASS, { minIterations: FAST_KDF });
  if (!intoPeer.ok) throw new Error(`peer refused: ${intoPeer.refusal.code}`);
  await applyImport(peer.ctx, intoPeer);
  a.advance(60_000);
  peer.advance(120_000);
  const mine = (await ctx.db.consultations.get(cases.accepted))!;
  await updateConsultation(ctx, cases.accepted, { ...intakeOf('hyväksytty'), question: 'Tämän asennuksen muokkaama kysymys.' }, mine.rev);
  const theirs = (await peer.db.consultations.get(cases.accepted))!;
  await updateConsultation(peer.ctx, cases.accepted, { ...intakeOf('hyväksytty'), question: 'Vertaisen muokkaama kysymys.' }, theirs.rev);
  await createConsultation(peer.ctx, intakeOf('vertaisen oma'));
  const back = await exportBundle(peer.ctx, { scope: { kind: 'full' }, recipient: { kind: 'installation', installationId: self.id, name: 'A' }, passphrase: PASS, kdfIterations: FAST_KDF });
  const intoA = await previewImport(ctx, back.bytes, PASS, { minIterations: FAST_KDF });
  if (!intoA.ok) throw new Error(`refused: ${intoA.refusal.code}`);
  await applyImport(ctx, intoA);

  // Drafts and a quarantined record (the desks' tables and an import's leftovers), sealed by the app.
  await ctx.db.recommendationDrafts.put({ id: cases.consulted, networkId: NEPSY, caseCode: 'OTKB-2026-0008', recommendation: recommendation('luonnos'), updatedAt: ctx.now().toISOString(), by: 'Asiantuntija', state: 'received' } as never);
  await ctx.db.requestDrafts.put({ id: 'luonnos-1', updatedAt: ctx.now().toISOString(), values: intakeOf('luonnos') } as never);
  await ctx.db.quarantine.put({ id: `b-1|consultation|${cases.received}`, bundleId: 'b-1', peer: peer.id, type: 'consultation', recordId: cases.received, record: { id: cases.received, question: 'Karanteenissa oleva teksti' }, stamps: [], at: ctx.now().toISOString(), message: 'sync.quarantine.clockAhead' } as never);

  // Four years on, the closed anonymous case is purged: only its tombstone remains.
  a.advance(4 * 365 * DAY);
  const due = await dueCases(ctx, helsinkiDate(ctx.now()));
  const purge = due.filter((c) => c.id === cases.purged).map((c) => c.id);
  if (purge.length !== 1) throw new Error('the purged case was not due');
  await purgeCases(ctx, purge);
  return { peer, cases };
}
