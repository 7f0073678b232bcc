import type { ReactNode } from 'react';
import { Paragraph } from 'suomifi-ui-components';

export interface IntroProps {
  /** The paragraph under a heading that says what the screen or section is for. */
  intro?: ReactNode;
  /** Space under the intro (before a form or table). */
  introMargin?: 'm';
  /** e.g. `otk-no-print` for an intro the printed sheet leaves out. */
  introClassName?: string;
}

/** The intro paragraph under a screen's or a section's heading; nothing when there is none. */
export function Intro({ intro, introMargin, introClassName }: IntroProps) {
  if (intro === undefined) return null;
  return (
    <Paragraph {...(introMargin ? { mb: introMargin } : {})} {...(introClassName ? { className: introClassName } : {})}>
      {intro}
    </Paragraph>
  );
}
