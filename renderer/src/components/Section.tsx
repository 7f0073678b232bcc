import type { ComponentProps, ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';
import { Intro, type IntroProps } from './Intro';

export type SectionProps = Omit<ComponentProps<'section'>, 'aria-labelledby'> &
  IntroProps & {
    /** The heading's DOM id; the section is labelled by it. */
    headingId: string;
    heading: ReactNode;
    /** The heading's level inside the screen (h3 unless the section sits deeper). */
    level?: 'h3' | 'h4';
    /** -1 where the screen moves focus to the heading (e.g. after the list under it changed). */
    headingTabIndex?: number;
    /** Shown before the heading (e.g. the print sheet's page head). */
    before?: ReactNode;
  };

/**
 * A titled part of a screen: a section named by its heading, with an optional intro paragraph.
 * Every section header on the screens is this one block.
 */
export function Section({ headingId, heading, level = 'h3', headingTabIndex, before, intro, introMargin, introClassName, children, ...section }: SectionProps) {
  return (
    <section aria-labelledby={headingId} {...section}>
      {before}
      <Heading variant={level} id={headingId} {...(headingTabIndex === undefined ? {} : { tabIndex: headingTabIndex })}>
        {heading}
      </Heading>
      <Intro intro={intro} introMargin={introMargin} introClassName={introClassName} />
      {children}
    </section>
  );
}
