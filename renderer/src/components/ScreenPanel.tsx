import type { ComponentProps, ReactNode } from 'react';
import { Block, Heading } from 'suomifi-ui-components';
import { Intro, type IntroProps } from './Intro';

export type ScreenPanelProps = Omit<ComponentProps<typeof Block>, 'variant' | 'aria-labelledby'> &
  IntroProps & {
    /** The heading's DOM id; the panel is labelled by it. */
    headingId: string;
    /** The screen's name, its one h2. */
    heading: ReactNode;
    /** Shown before the heading (e.g. the print sheet's page head). */
    before?: ReactNode;
    /** The screen's main actions, beside its heading (e.g. "New case"). */
    actions?: ReactNode;
  };

/**
 * A screen's panel: a section landmark named by the screen's h2 heading, with the screen's intro
 * paragraph under it and its main actions beside the heading. Every screen's frame is this one block.
 */
export function ScreenPanel({ headingId, heading, before, actions, intro, introMargin, introClassName, children, ...block }: ScreenPanelProps) {
  const title = (
    <Heading variant="h2" id={headingId}>
      {heading}
    </Heading>
  );
  return (
    <Block variant="section" aria-labelledby={headingId} {...block}>
      {before}
      {actions === undefined ? (
        title
      ) : (
        <div className="otk-panel-head">
          {title}
          {actions}
        </div>
      )}
      <Intro intro={intro} introMargin={introMargin} introClassName={introClassName} />
      {children}
    </Block>
  );
}
