import type { IntakeInput } from '../../../../shared/domain/consultation';
import type { RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';

/**
 * The rows of the desks' tables (schema v6). A recommendation draft is keyed by its case id: one
 * draft per case and network member desk. On an expert's desk `state` is the expert's own
 * ('draft' while writing, 'ready' when it may go back); on the coordinator's installation a draft
 * that came back in a bundle is 'received'.
 */
export interface RecommendationDraftRow {
  /** The case id. */
  id: string;
  networkId: string;
  caseCode: string;
  state: 'draft' | 'ready' | 'received';
  /** The structured recommendation (recommendationDraftSchema when 'ready' or 'received'; may be incomplete while 'draft'). */
  recommendation: RecommendationDraftInput;
  /** When the expert last changed it (the sender's time for a received draft). */
  updatedAt: string;
  /** The expert profile that wrote it. */
  by: string;
  /** On the coordinator's side: when and in which bundle it arrived. */
  receivedAt?: string;
  bundleId?: string;
}

/** A requester's unsent request: the form's values as typed (validated only when it is finished). */
export interface RequestDraftRow {
  id: string;
  values: Partial<IntakeInput>;
  updatedAt: string;
  createdAt: string;
}
