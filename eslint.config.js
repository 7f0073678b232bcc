// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { builtinModules } from 'node:module';

/*
 * Layering is law (../shared/handbook/ARCHITECTURE.md):
 *   shared/   may import itself and small pure libraries — never DOM, Node, Electron, React or Dexie
 *   renderer/ may import shared/, React, Dexie, UI libraries — never Node or Electron
 *   electron/ may import shared/, Node, Electron — never renderer/, React or Dexie
 * tests/unit/lint/layering.test.ts proves that each of these rules fails the build on a violation.
 */
// Exact names (a gitignore-style pattern such as 'domain' would also match '../shared/domain/x').
const nodePaths = builtinModules.map((name) => ({ name, message: 'Node built-ins are not allowed in this layer.' }));
const nodePatterns = [{ group: ['node:*'], message: 'Node built-ins are not allowed in this layer.' }];
const electronPattern = { group: ['electron', 'electron/*', '@electron/*'], message: 'Electron is only for electron/.' };
const reactPattern = { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-*', '@hookform/*', 'suomifi-ui-components', 'styled-components', 'zustand', 'i18next', 'react-i18next'], message: 'UI libraries are only for renderer/.' };
const dexiePattern = { group: ['dexie', 'dexie-*', 'fake-indexeddb', 'fake-indexeddb/*'], message: 'Dexie is only for renderer/.' };
const rendererPattern = { group: ['**/renderer', '**/renderer/**'], message: 'Nothing outside renderer/ may import the renderer.' };
const electronDirPattern = { group: ['**/electron/**', '**/electron'], message: 'Nothing outside electron/ may import the Electron shell.' };

/**
 * One clock (shared/clock.ts): the current time is read there and nowhere else — not in product code,
 * not in tests (they pass a fixed clock, or Playwright's clock in the browser). The benchmark measures
 * wall-clock time and is exempt. tests/unit/lint/clock.test.ts proves each selector fails a violation.
 */
const clockRule = [
  'error',
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take the time from the injected clock (shared/clock.ts), never Date.now().' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the time from the injected clock (shared/clock.ts), never an argument-less new Date().' },
  { selector: "CallExpression[callee.name='Date']", message: 'Date() reads the wall clock: take the time from the injected clock (shared/clock.ts).' },
];

/** DOM-only globals that pure code must not reach for (WebCrypto, TextEncoder and URL are standard in every runtime). */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'history', 'alert', 'confirm', 'fetch', 'XMLHttpRequest', 'HTMLElement', 'Element', 'Node', 'Event', 'CustomEvent', 'requestAnimationFrame', 'process', 'require', 'Buffer', '__dirname', '__filename'];

/**
 * Inside the renderer: its layers, lowest first (README, "Inside the renderer"). Each may import
 * only its own folders and those of the layers named in `may` — an allowlist. A folder that is in
 * no layer may be imported by nobody, so a new folder needs its place here first.
 * tests/unit/lint/layering.test.ts proves each forbidden direction fails.
 */
const RENDERER_LAYERS = {
  db: { folders: ['db'], may: [] },
  access: { folders: ['access'], may: ['db'] },
  queries: { folders: ['queries'], may: ['db', 'access'] },
  commands: { folders: ['commands'], may: ['db', 'access', 'queries'] },
  services: { folders: ['services', 'bridge', 'i18n', 'state', 'security'], may: ['db', 'access', 'queries', 'commands'] },
  ui: { folders: ['components', 'forms', 'format', 'print'], may: ['access', 'queries', 'services'] },
  features: { folders: ['features'], may: ['access', 'queries', 'commands', 'services', 'ui'] },
  app: { folders: ['app'], may: ['db', 'access', 'queries', 'commands', 'services', 'ui', 'features'] },
};

/** One lint block per layer: the renderer's own rules plus "not these folders". */
function rendererLayerBlocks() {
  const all = Object.values(RENDERER_LAYERS).flatMap((layer) => layer.folders);
  return Object.entries(RENDERER_LAYERS).map(([name, layer]) => {
    const allowed = new Set([...layer.folders, ...layer.may.flatMap((other) => RENDERER_LAYERS[other].folders)]);
    const forbidden = all.filter((folder) => !allowed.has(folder));
    const patterns = forbidden.map((folder) => ({
      // A relative path that climbs to renderer/src and enters the folder (no shared/ folder has these names).
      regex: `^(\\.\\./)+${folder}(/|$)`,
      message: `The renderer's ${name} layer may not import ${folder}/ (README, "Inside the renderer").`,
    }));
    const files = name === 'app' ? ['renderer/src/*.{ts,tsx}', 'renderer/src/app/**/*.{ts,tsx}'] : layer.folders.map((folder) => `renderer/src/${folder}/**/*.{ts,tsx}`);
    return { files, rules: { 'no-restricted-imports': ['error', { paths: nodePaths, patterns: [...nodePatterns, electronPattern, electronDirPattern, ...patterns] }] } };
  });
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', '**/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodePaths, patterns: [...nodePatterns, electronPattern, reactPattern, dexiePattern, rendererPattern, electronDirPattern] }],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ is pure: no DOM or Node globals.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: nodePaths, patterns: [...nodePatterns, electronPattern, electronDirPattern] }],
      'no-restricted-globals': ['error', ...['process', 'require', 'Buffer', '__dirname', '__filename'].map((name) => ({ name, message: 'renderer/ never touches Node.' }))],
    },
  },
  ...rendererLayerBlocks(),
  {
    // No import circles in the pure core or the renderer: a circle is a layer that is not one.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.tsx'], 'import-x/resolver': { node: { extensions: ['.ts', '.tsx'] } } },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [reactPattern, dexiePattern, rendererPattern] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,js,mjs}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'tests/**/*.{ts,tsx,js,mjs}'],
    ignores: ['shared/clock.ts', 'tests/bench/**'],
    rules: { 'no-restricted-syntax': clockRule },
  },
  {
    // The renderer also never sorts in place: Dexie's live-query results are frozen (cache: 'immutable'),
    // and an in-place sort of one turned Settings into a blank page.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        ...clockRule,
        { selector: "CallExpression[callee.property.name='sort']", message: 'Sort a copy with toSorted(): query results may be frozen (Dexie live queries), and in-place sorting mutates shared data.' },
      ],
    },
  },
);
