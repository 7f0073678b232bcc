import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ANONYMOUS_NEVER, HELP_ROLES, KEYBOARD_POINTS, LOCKING_POINTS, ROLE_GUIDES, STATEMENT_CONFORMS, STATEMENT_GAPS } from './content';
import { ScreenPanel } from '../../components/ScreenPanel';
import { Section } from '../../components/Section';

/** A plain list of catalogue texts (`<prefix>.<item>`). */
function TextList({ prefix, items, ordered = false, label }: { prefix: string; items: readonly string[]; ordered?: boolean; label?: string }) {
  const { t } = useTranslation();
  const children = items.map((item) => <li key={item}>{t(`${prefix}.${item}`, { skip: t('app.skipToContent') })}</li>);
  return ordered ? (
    <ol className="otk-help-list" aria-label={label}>
      {children}
    </ol>
  ) : (
    <ul className="otk-help-list" aria-label={label}>
      {children}
    </ul>
  );
}

/**
 * Help, reachable from every screen through the main menu: what the desk is for, a short guide for
 * each role (coordinator, expert network member, requesting professional), consent modes, what
 * never goes into an anonymous request, locking and passphrases, keyboard use — and the
 * accessibility statement (saavutettavuusseloste), which is also in docs/accessibility-statement.*.md.
 */
export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <ScreenPanel headingId="help-heading" heading={t('help.heading')} intro={t('help.intro')} introMargin="m" className="otk-panel otk-help">

      <section className="otk-section">
        <Heading variant="h3">{t('help.purpose.heading')}</Heading>
        <Paragraph>{t('help.purpose.text')}</Paragraph>
      </section>

      <section className="otk-section">
        <Heading variant="h3">{t('help.roles.heading')}</Heading>
        {HELP_ROLES.map((role) => (
          <div key={role} className="otk-help-role">
            <Heading variant="h4" as="h4">
              {t(`help.roles.${role}.heading`)}
            </Heading>
            <Paragraph>{t(`help.roles.${role}.purpose`)}</Paragraph>
            <TextList prefix={`help.roles.${role}.steps`} items={ROLE_GUIDES[role]} ordered label={`${t(`help.roles.${role}.heading`)}: ${t('help.roles.stepsLabel')}`} />
          </div>
        ))}
      </section>

      <section className="otk-section">
        <Heading variant="h3">{t('help.consent.heading')}</Heading>
        <Paragraph>{t('help.consent.text')}</Paragraph>
      </section>

      <section className="otk-section">
        <Heading variant="h3">{t('help.anonymous.heading')}</Heading>
        <Paragraph>{t('help.anonymous.intro')}</Paragraph>
        <TextList prefix="help.anonymous.items" items={ANONYMOUS_NEVER} />
        <Paragraph>{t('help.anonymous.after')}</Paragraph>
      </section>

      <section className="otk-section">
        <Heading variant="h3">{t('help.locking.heading')}</Heading>
        <TextList prefix="help.locking.items" items={LOCKING_POINTS} />
      </section>

      <section className="otk-section">
        <Heading variant="h3">{t('help.keyboard.heading')}</Heading>
        <TextList prefix="help.keyboard.items" items={KEYBOARD_POINTS} />
      </section>

      <Section headingId="help-statement" heading={t('help.statement.heading')} intro={t('help.statement.scope')} className="otk-section otk-help-statement">
        <Heading variant="h4" as="h4">
          {t('help.statement.status.heading')}
        </Heading>
        <Paragraph>{t('help.statement.status.text')}</Paragraph>
        <Heading variant="h4" as="h4">
          {t('help.statement.conforms.heading')}
        </Heading>
        <TextList prefix="help.statement.conforms.items" items={STATEMENT_CONFORMS} />
        <Heading variant="h4" as="h4">
          {t('help.statement.gaps.heading')}
        </Heading>
        <Paragraph>{t('help.statement.gaps.intro')}</Paragraph>
        <TextList prefix="help.statement.gaps.items" items={STATEMENT_GAPS} />
        <Paragraph>{t('help.statement.gaps.plan')}</Paragraph>
        <Heading variant="h4" as="h4">
          {t('help.statement.feedback.heading')}
        </Heading>
        <Paragraph>{t('help.statement.feedback.text')}</Paragraph>
        <dl className="otk-help-contact">
          <dt>{t('help.statement.feedback.addressLabel')}</dt>
          <dd>{t('help.statement.feedback.address')}</dd>
        </dl>
        <Heading variant="h4" as="h4">
          {t('help.statement.enforcement.heading')}
        </Heading>
        <Paragraph>{t('help.statement.enforcement.text')}</Paragraph>
        <address className="otk-help-contact">
          {t('help.statement.enforcement.authority')}
          <br />
          {t('help.statement.enforcement.web')}
          <br />
          {t('help.statement.enforcement.phone')}
        </address>
        <Paragraph className="otk-muted">{t('help.statement.prepared')}</Paragraph>
      </Section>
    </ScreenPanel>
  );
}
