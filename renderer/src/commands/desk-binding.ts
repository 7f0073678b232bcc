import { z } from 'zod';
import type { OtkDatabase } from '../db/schema';
import type { FieldIssue } from '../access/errors';
import { requesterKey } from '../../../shared/domain/requester-key';
import { requesterSchema, type Intake } from '../../../shared/domain/consultation';
import { MSG } from '../../../shared/domain/validation';
import { PROTECTION_MSG } from '../../../shared/protection/messages';

/**
 * Who the first profile of an installation is (issue 11): the coordinator of an OT-keskus, a
 * requesting professional on their own desk (bound to their requester key, their contact kept as a
 * requester), or a member of one expert network (bound to that network).
 */
export type RequesterInput = z.input<typeof requesterSchema>;

export type DeskChoice =
  | { role?: 'coordinator' }
  | { role: 'requester'; requester: RequesterInput }
  | { role: 'expert'; networkId: string };

/** The checked binding: what the profile row and the requester row are written from. */
export type DeskBinding =
  | { role: 'coordinator' }
  | { role: 'requester'; requesterKey: string; requester: Intake['requester'] }
  | { role: 'expert'; networkId: string };

const requesterPart = z.object({ requester: requesterSchema });
const networkPart = z.object({ networkId: z.string({ error: PROTECTION_MSG.profileNetworkRequired }).trim().min(1, PROTECTION_MSG.profileNetworkRequired) });

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * Checks the desk choice: the requester's contact with the intake form's own schema (issues at
 * `requester.<field>`), the expert's network against `db.networks` (issue at `networkId`).
 * Returns every issue, or the binding when there are none.
 */
export async function checkDeskChoice(db: OtkDatabase, choice: DeskChoice): Promise<{ issues: FieldIssue[]; binding?: DeskBinding }> {
  const role = choice.role ?? 'coordinator';
  switch (role) {
    case 'coordinator':
      return { issues: [], binding: { role } };
    case 'requester': {
      const parsed = requesterPart.safeParse({ requester: (choice as { requester?: unknown }).requester });
      if (!parsed.success) return { issues: issuesOf(parsed.error) };
      const requester = parsed.data.requester;
      return { issues: [], binding: { role, requester, requesterKey: requesterKey(requester) } };
    }
    case 'expert': {
      const parsed = networkPart.safeParse(choice);
      if (!parsed.success) return { issues: issuesOf(parsed.error) };
      const { networkId } = parsed.data;
      if (!(await db.networks.get(networkId))) return { issues: [{ path: 'networkId', message: PROTECTION_MSG.profileNetworkRequired }] };
      return { issues: [], binding: { role, networkId } };
    }
    default:
      return { issues: [{ path: 'role', message: MSG.choose }] };
  }
}
