import {
  criteriaChoiceSchema,
  currentCriteria,
  freezeChoice,
  nextCriteriaVersion,
  type CriteriaList,
  type CriterionInput,
} from '../../../shared/knowledge/ot-criteria';
import type { LifecycleAction } from '../../../shared/lifecycle/transitions';
import type { OtkDatabase } from '../db/schema';
import type { CommandContext } from '../access/context';
import { CommandError, ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';
import { requireGlobal } from '../access/guards';
import { CRITERIA_KEY, readCriteriaVersions } from '../queries/ot-criteria';

/**
 * The OT-level criteria list of this centre (issue 21): every saved version, in the `meta` row
 * CRITERIA_KEY (a handful of short lists; the shipped default is version 1 and is not stored).
 * Saving makes a new version, audited like the other settings. A decision (accept, decline)
 * is made under the version in force: `withFrozenCriteria` checks the coordinator's choice against
 * it and keeps the version and the labels with the decision.
 */

/** Saves the edited list as the next version (unchanged: nothing is written). Settings are the coordinator's. */
export async function saveCriteria(ctx: CommandContext, edited: readonly CriterionInput[], expectedVersion?: number): Promise<CriteriaList> {
  requireGlobal(ctx, 'settings.update');
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.meta, db.audit], async () => {
    const versions = await readCriteriaVersions(db);
    const current = currentCriteria(versions);
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw new CommandError('changedElsewhere');
    const next = nextCriteriaVersion(current, edited, now.toISOString());
    if (!next.ok) throw new ValidationError(next.issues);
    if (JSON.stringify(next.list.criteria) === JSON.stringify(current.criteria)) return current;
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await db.meta.put({ key: CRITERIA_KEY, value: { versions: [...versions, next.list] } });
    await addAudit(db, auditEvent(ctx, now, stamp!, { action: 'settings.update', entity: 'settings', entityId: CRITERIA_KEY, fields: ['criteria'], details: { version: String(next.list.version) } }));
    return next.list;
  });
}

/**
 * The transition data with the criteria choice of an 'accept' or 'decline' checked against the
 * list in force and frozen (version, labels). Other actions, and data without criteria, pass as
 * they are. Runs inside the transition's transaction (it reads `meta`).
 */
export async function withFrozenCriteria(db: OtkDatabase, action: LifecycleAction, data: unknown): Promise<unknown> {
  if (action !== 'accept' && action !== 'decline') return data;
  if (typeof data !== 'object' || data === null || !('criteria' in data) || data.criteria === undefined) return data;
  const choice = criteriaChoiceSchema.safeParse(data.criteria);
  if (!choice.success) throw new ValidationError(choice.error.issues.map((issue) => ({ path: ['criteria', ...issue.path.map(String)].join('.'), message: issue.message })));
  const frozen = freezeChoice(currentCriteria(await readCriteriaVersions(db)), choice.data);
  if (!frozen.ok) throw new ValidationError(frozen.issues);
  return { ...data, criteria: frozen.record };
}
