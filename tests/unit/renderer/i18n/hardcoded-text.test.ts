import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * No user-visible text outside the i18n catalogues: every renderer .tsx is parsed with the
 * TypeScript compiler and two things are refused —
 *  - JSX text that contains a letter (`<p>Tallenna</p>`), and string or template literals with
 *    letters placed straight into JSX (`{'Tallenna'}`, `{ok ? 'Kyllä' : 'Ei'}`, `` {`${n} kpl`} ``);
 *  - the same literals in attributes that a user sees or hears (aria-label, title, placeholder,
 *    alt, and the Suomi.fi props ending in Text/Label/Placeholder such as labelText, hintText,
 *    visualPlaceholder, clearButtonLabel).
 * A call (`t('intake.save')`, `labels.header(…)`) is never looked into: its arguments are keys,
 * and its result is translated text.
 */

/** Attributes whose value is shown or read out to the user. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'caption',
  'content',
]);
/** Suomi.fi props such as labelText, hintText, statusText, buttonText, clearButtonLabel, visualPlaceholder. */
const VISIBLE_ATTRIBUTE_SUFFIX = /(Text|Label|Placeholder)$/;

/**
 * Text with letters that may stand in JSX as it is, each with its reason. Keep this tiny: anything
 * a Finnish, Swedish or English user would read differently belongs in the catalogues.
 */
const ALLOWED_TEXT = new Set<string>([
  // (empty: symbols such as ·, –, <5 and .. have no letters and need no entry)
]);

export interface Finding {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** Letters, once HTML entities (`&lt;`, `&nbsp;`, `&#8211;`) have been read as the symbols they are. */
const hasLetter = (text: string) => /\p{L}/u.test(text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, '·'));

function isVisibleAttribute(name: string): boolean {
  return VISIBLE_ATTRIBUTES.has(name) || VISIBLE_ATTRIBUTE_SUFFIX.test(name);
}

/** The literal pieces of text an expression evaluates to directly (not through a call). */
function literalTexts(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].filter((text) => text !== '');
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...literalTexts(node.left), ...literalTexts(node.right)];
    // `cond && 'text'`: only the right-hand side can end up on screen.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(node.right);
  }
  return [];
}

/** Hard-coded user-visible text in one .tsx source. */
export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!hasLetter(clean) || ALLOWED_TEXT.has(clean)) return;
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: clean, where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, 'JSX text');
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literalTexts(node.expression)) report(node, text, 'JSX child');
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      if (isVisibleAttribute(name)) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) report(init, init.text, `attribute ${name}`);
        else if (ts.isJsxExpression(init) && init.expression) for (const text of literalTexts(init.expression)) report(init, text, `attribute ${name}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

describe('the hard-coded text scanner', () => {
  it('finds text, literals and visible attributes that bypass i18n', () => {
    const source = `
      export function Bad({ ok, n }: { ok: boolean; n: number }) {
        return (
          <section aria-label="Pyynnöt">
            <h2>Tallenna pyyntö</h2>
            <p>{'Hei'}</p>
            <p>{ok ? 'Kyllä' : t('no')}</p>
            <p>{\`\${n} pyyntöä\`}</p>
            <TextInput labelText="Nimi" hintText={'Vihje'} visualPlaceholder={ok && 'Valitse'} />
            <img alt="Kaavio" src="x.png" />
          </section>
        );
      }`;
    const found = scanSource('Bad.tsx', source).map((f) => `${f.line} ${f.where}: ${f.text}`);
    expect(found).toEqual([
      '4 attribute aria-label: Pyynnöt',
      '5 JSX text: Tallenna pyyntö',
      '6 JSX child: Hei',
      '7 JSX child: Kyllä',
      '8 JSX child: pyyntöä',
      '9 attribute labelText: Nimi',
      '9 attribute hintText: Vihje',
      '9 attribute visualPlaceholder: Valitse',
      '10 attribute alt: Kaavio',
    ]);
  });

  it('lets translated text, symbols, keys in calls and non-visible attributes through', () => {
    const source = `
      export function Good({ n, name }: { n: number; name: string }) {
        return (
          <section aria-labelledby="x-heading" className="otk-panel" data-testid="good">
            <h2 id="x-heading">{t('app.title')}</h2>
            <p>
              {n} · {name} – {'<5'} {'..'} {\`\${n}/\${n}\`} &lt;5 &nbsp;&#8211;
            </p>
            <TextInput labelText={t('intake.name')} hintText={labels.header('summary.x')} type="password" autoComplete="new-password" />
            <Button variant="secondary">{t(ok ? 'a.b' : 'c.d')}</Button>
          </section>
        );
      }`;
    expect(scanSource('Good.tsx', source)).toEqual([]);
  });
});

describe('renderer sources', () => {
  it('have no user-visible text outside the i18n catalogues', () => {
    const files = tsxFiles('renderer/src');
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap((file) => scanSource(relative('.', file), readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.where}: ${f.text}`)).toEqual([]);
  });
});
