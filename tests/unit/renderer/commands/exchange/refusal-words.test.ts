import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TFunction } from 'i18next';
import { findingMessage, refusalMessage } from '../../../../../renderer/src/features/exchange/refusal-message';
import { finishRequest } from '../../../../../renderer/src/commands/desk/request-drafts';
import { sendRequests } from '../../../../../renderer/src/commands/desk/send';
import { requesterKey } from '../../../../../shared/domain/requester-key';
import { SYNC_SCHEMA_VERSION } from '../../../../../shared/sync/schema-version';
import type { Intake } from '../../../../../shared/domain/consultation';
import { NOW, validIntake } from '../../../../fixtures/intake';
import { requesterProfile } from '../../support/profiles';
import { closeAll, createCase, FAST_KDF, forged, installation, NEPSY, PASS, preview, send, snapshot, type Installation, finnishTexts } from './helpers';

/**
 * Every way an import is refused, produced by the importer itself and put into words as the
 * import panel shows them (Finnish here; the wording of every code and field in every language is
 * tests/unit/renderer/features/exchange/refusal-message.test.ts): what is wrong, where, what to do,
 * no internal key — and nothing was written.
 */

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

let fi: TFunction;
beforeAll(async () => {
  fi = await finnishTexts();
});

/** The synthetic henkilötunnus of the team handbook (not a real person's). */
const HETU = '131052-308T';

/** Opens `bytes` at `target`: refused, nothing written; returns the message the panel shows. */
async function refusedSaying(target: Installation, bytes: Uint8Array, passphrase = PASS): Promise<string> {
  const before = await snapshot(target.db);
  const result = await preview(target, bytes, passphrase);
  expect(await snapshot(target.db)).toEqual(before);
  if (result.ok) throw new Error('the file was not refused');
  const message = refusalMessage(result.refusal, fi);
  expect(message).toMatch(/^Tiedostoa ei tuotu, eikä mitään muutettu: /);
  expect(message).not.toMatch(/\{\{|\b[a-z]+[A-Z]\w*\b|\b[a-z]{3,}\.[a-z]{3,}/);
  return message;
}

/** A requester's desk sends its finished request to the centre, after `question` replaced the stored question (a desk that skipped its checks). */
async function requestFile(question: string) {
  const desk = await installation('pyytaja');
  const intake = validIntake({ received: { date: '2026-11-23', time: '08:15', channel: 'form' } });
  desk.ctx.profile = requesterProfile(requesterKey(intake.requester as Intake['requester']));
  const created = await finishRequest(desk.ctx, undefined, intake);
  await desk.db.consultations.put({ ...(await desk.db.consultations.get(created.id))!, question });
  return (await sendRequests(desk.ctx, { caseIds: [created.id], area: 'lansi', recipientName: 'OT-keskus', passphrase: PASS, kdfIterations: FAST_KDF })).bytes;
}

const without = <T extends object>(record: T, ...keys: string[]) => Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

describe('refusals in words', () => {
  it('a requester’s file whose anonymous request holds a henkilötunnus: the centre reads what, where and what to ask', async () => {
    const centre = await installation('keskus');
    // A desk that skipped its own checks (an old version, a damaged database): the question changed under it.
    const question = `Nuoren henkilötunnus on ${HETU}, miten tukea koulunkäyntiä?`;
    const message = await refusedSaying(centre, await requestFile(question));
    expect(message).toBe(
      `Tiedostoa ei tuotu, eikä mitään muutettu: Pyynnössä 1 on henkilötunnus kentässä ”Kysymys asiantuntijoille” (merkki ${question.indexOf(HETU) + 1}). Anonyymiin pyyntöön ei saa kirjata henkilötunnusta. Pyydä lähettäjää poistamaan tunniste ja lähettämään tiedosto uudelleen.`,
    );
    expect(message).not.toContain(HETU);
  });

  it('a phone number or an e-mail address in an anonymous request does not refuse it: the preview names each, in words', async () => {
    const centre = await installation('keskus');
    const question = 'Perheen puhelin 040 123 4567 ja sähköposti perhe@example.invalid, miten tukea?';
    const ready = await preview(centre, await requestFile(question));
    if (!ready.ok) throw new Error(refusalMessage(ready.refusal, fi));
    expect(ready.findings.map((finding) => findingMessage(finding, fi))).toEqual([
      `Pyynnössä 1 näyttää olevan puhelinnumero kentässä ”Kysymys asiantuntijoille” (merkki ${question.indexOf('040') + 1}).`,
      `Pyynnössä 1 näyttää olevan sähköpostiosoite kentässä ”Kysymys asiantuntijoille” (merkki ${question.indexOf('perhe@') + 1}).`,
    ]);
    // A plain request has none.
    const plain = await preview(await installation('toinen-keskus'), await requestFile('Miten tukea nuoren koulunkäyntiä?'));
    expect(plain).toMatchObject({ ok: true, findings: [] });
  });

  it('an invalid record of every type names the record and the field as the forms call it', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const record = await createCase(a);
    const plain = without(record, 'rev');
    const network = without((await a.db.networks.get(NEPSY))!, 'rev', 'arrived');
    const [event] = await a.db.audit.toArray();
    const cases: Array<[string, Parameters<typeof forged>[1], Parameters<typeof forged>[2], string[]]> = [
      ['a case’s clock stamp', { kind: 'full' }, [{ type: 'consultation', record: { ...plain, stamps: { ...record.stamps, question: 'eilen' } } }], [`Tapauksessa ${record.caseCode}`, '”Kysymys asiantuntijoille”', 'muutosleima']],
      ['a case without its question', { kind: 'full' }, [{ type: 'consultation', record: without(plain, 'question') }], [`Tapauksessa ${record.caseCode}`, '”Kysymys asiantuntijoille”']],
      ['a case with a member no version knows', { kind: 'full' }, [{ type: 'consultation', record: { ...plain, lapsenNimi: 'x' } }], ['kenttä, jota tämä sovellus ei tunne']],
      ['a network', { kind: 'full' }, [{ type: 'network', record: { ...network, targetResponseDays: 0 } }], ['Tiedoston 1. verkostossa', '”Tavoiteaika (vrk)”']],
      ['a meeting', { kind: 'full' }, [{ type: 'meeting', record: { id: '01a207d9-2100-7000-8000-000000000001', networkId: NEPSY, slotId: '', date: '2026-11-26', time: '25:00', durationMinutes: 60, mode: 'video', capacity: 2, participants: [], location: '', notes: '', caseIds: [], updatedAt: NOW.toISOString(), stamps: { date: '000000000000001:0000:x' } } }], ['Tiedoston 1. kokouksessa', '”Alkamisaika”']],
      ['an audit event', { kind: 'full' }, [{ type: 'audit', record: { ...event, action: 'Ei toiminto' } }], ['Tiedoston 1. lokitapahtumassa']],
      ['a draft', { kind: 'network', networkId: NEPSY }, [{ type: 'draft', record: { id: record.id, networkId: NEPSY, caseCode: record.caseCode, recommendation: { language: 'fi' }, updatedAt: NOW.toISOString(), by: 'x' } }], [`Tapauksen ${record.caseCode} suositusluonnoksessa`, '”Suositus”']],
      ['a type no version knows', { kind: 'full' }, [{ type: 'lapsi', record: { id: 'x' } }], ['tietueita, joiden lajia tämä sovellus ei tunne']],
      ['a network file with log events', { kind: 'network', networkId: NEPSY }, [{ type: 'audit', record: event }], ['lokitapahtumia, jotka eivät kuulu sen rajaukseen (Yhden verkoston tapaukset)', 'Pyydä lähettäjää tekemään tiedosto uudelleen']],
    ];
    for (const [what, scope, entries, words] of cases) {
      const message = await refusedSaying(b, await forged(a, scope, entries));
      for (const word of words) expect(message, what).toContain(word);
    }
  });

  it('the codec’s refusals and the wrong desk say what to do', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await createCase(a);
    const { bytes } = await send(a, b);
    expect(await refusedSaying(b, bytes, 'väärä salalause tässä')).toContain('Salalause on väärä. Tarkista salalause lähettäjältä');
    const tampered = bytes.slice();
    tampered[tampered.length - 40]! ^= 0x01;
    expect(await refusedSaying(b, tampered)).toContain('Pyydä lähettäjää tekemään ja lähettämään uusi tiedosto.');
    expect(await refusedSaying(b, bytes.slice(0, bytes.length - 7))).toContain('Kopioi tiedosto uudelleen');
    expect(await refusedSaying(b, new TextEncoder().encode('ei siirtotiedosto'))).toContain('Valitse lähettäjän tekemä .otk-tiedosto.');
    expect(await refusedSaying(b, await forged(a, { kind: 'full' }, [], { schemaVersion: SYNC_SCHEMA_VERSION + 1 }))).toContain('uudemmalla versiolla. Päivitä sovellus');
    const c = await installation('c');
    expect(await refusedSaying(c, bytes)).toContain('osoitettu toiselle asennukselle');
    b.ctx.profile = requesterProfile('joku|jossain|');
    expect(await refusedSaying(b, bytes)).toContain('ei voi avata tällä profiililla');
  });
});
