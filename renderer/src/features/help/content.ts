/**
 * The Help screen's structure: which items each part lists, in order. The texts are under `help.`
 * in `renderer/src/i18n/locales/areas/help.<lang>.json`; `helpKeys()` names every key the screen
 * reads, so a unit test can prove that each exists in Finnish, Swedish and English.
 */
export const ROLE_GUIDES = {
  coordinator: ['receive', 'check', 'route', 'book', 'recommend', 'close', 'report'],
  expert: ['agenda', 'prepare', 'consult', 'recommend'],
  requester: ['contact', 'describe', 'meeting', 'recommendation', 'followUp'],
} as const;
export type HelpRole = keyof typeof ROLE_GUIDES;
export const HELP_ROLES = Object.keys(ROLE_GUIDES) as HelpRole[];

/** What never goes into an anonymous request. */
export const ANONYMOUS_NEVER = ['names', 'identityCode', 'address', 'school', 'birthDate', 'contact', 'rare'] as const;
export const LOCKING_POINTS = ['unlock', 'leave', 'passphrase', 'recovery', 'bundle'] as const;
export const KEYBOARD_POINTS = ['skip', 'tab', 'activate', 'radios', 'dropdowns', 'focus', 'errors', 'tables', 'lock'] as const;
export const STATEMENT_CONFORMS = ['components', 'axe', 'keyboard', 'zoom', 'screenReader', 'colour', 'language'] as const;
export const STATEMENT_GAPS = ['pdf', 'shell', 'assistive', 'chart', 'files'] as const;

/** Every i18n key the Help screen reads. */
export function helpKeys(): string[] {
  return [
    'help.nav',
    'help.heading',
    'help.intro',
    'help.purpose.heading',
    'help.purpose.text',
    'help.roles.heading',
    'help.roles.stepsLabel',
    ...HELP_ROLES.flatMap((role) => [`help.roles.${role}.heading`, `help.roles.${role}.purpose`, ...ROLE_GUIDES[role].map((step) => `help.roles.${role}.steps.${step}`)]),
    'help.consent.heading',
    'help.consent.text',
    'help.anonymous.heading',
    'help.anonymous.intro',
    ...ANONYMOUS_NEVER.map((item) => `help.anonymous.items.${item}`),
    'help.anonymous.after',
    'help.locking.heading',
    ...LOCKING_POINTS.map((item) => `help.locking.items.${item}`),
    'help.keyboard.heading',
    ...KEYBOARD_POINTS.map((item) => `help.keyboard.items.${item}`),
    'help.statement.heading',
    'help.statement.scope',
    'help.statement.status.heading',
    'help.statement.status.text',
    'help.statement.conforms.heading',
    ...STATEMENT_CONFORMS.map((item) => `help.statement.conforms.items.${item}`),
    'help.statement.gaps.heading',
    'help.statement.gaps.intro',
    ...STATEMENT_GAPS.map((item) => `help.statement.gaps.items.${item}`),
    'help.statement.gaps.plan',
    'help.statement.feedback.heading',
    'help.statement.feedback.text',
    'help.statement.feedback.addressLabel',
    'help.statement.feedback.address',
    'help.statement.enforcement.heading',
    'help.statement.enforcement.text',
    'help.statement.enforcement.authority',
    'help.statement.enforcement.web',
    'help.statement.enforcement.phone',
    'help.statement.prepared',
  ];
}
