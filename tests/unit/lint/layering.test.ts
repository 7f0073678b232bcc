import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The layering rule must fail the build on a violation. Each case lints a small snippet as if it
 * lived at the given path, with the project's real eslint.config.js.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2 && (m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals'))
    .map((m) => m.message);
}

const violations: Array<[string, string, string]> = [
  ['shared/domain/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;", 'shared imports Dexie'],
  ['shared/domain/x.ts', "import { useState } from 'react';\nexport const s = useState;", 'shared imports React'],
  ['shared/domain/x.ts', "import { app } from 'electron';\nexport const a = app;", 'shared imports Electron'],
  ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'shared imports node:fs'],
  ['shared/domain/x.ts', "import path from 'path';\nexport const p = path;", 'shared imports path'],
  ['shared/domain/x.ts', "export const title = document.title;", 'shared uses the DOM'],
  ['shared/domain/x.ts', "import { App } from '../../renderer/src/app/App';\nexport const a = App;", 'shared imports the renderer'],
  ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", 'renderer imports Electron'],
  ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;", 'renderer imports Node'],
  ['renderer/src/x.ts', "import fs from 'fs';\nexport const f = fs;", 'renderer imports fs'],
  ['renderer/src/x.ts', "export const v = process.versions;", 'renderer uses process'],
  ['electron/main/x.ts', "import { App } from '../../renderer/src/app/App';\nexport const a = App;", 'electron imports the renderer'],
  ['electron/main/x.ts', "import React from 'react';\nexport const r = React;", 'electron imports React'],
  ['electron/main/x.ts', "import { Dexie } from 'dexie';\nexport const d = Dexie;", 'electron imports Dexie'],
];

describe('import layering lint rule', () => {
  it.each(violations)('fails %s (%s)', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';\nexport const s = z.string();\nexport const id = crypto.randomUUID();"],
    ['renderer/src/x.ts', "import { Dexie } from 'dexie';\nimport { intakeSchema } from '../../shared/domain/consultation';\nexport const a = [Dexie, intakeSchema];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { bridgeContract } from '../../shared/bridge/contract';\nexport const a = [app, join, bridgeContract];"],
  ])('allows what %s may import', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
