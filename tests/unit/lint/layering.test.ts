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
  // Inside the renderer (README, "Inside the renderer"): one case per forbidden direction.
  ['renderer/src/db/x.ts', "import { createConsultation } from '../commands/consultations';\nexport const c = createConsultation;", 'db imports commands'],
  ['renderer/src/db/x.ts', "import { readSettings } from '../queries/settings';\nexport const r = readSettings;", 'db imports queries'],
  ['renderer/src/access/x.ts', "import { readSettings } from '../queries/settings';\nexport const r = readSettings;", 'access imports queries'],
  ['renderer/src/queries/x.ts', "import { createConsultation } from '../commands/consultations';\nexport const c = createConsultation;", 'queries import commands'],
  ['renderer/src/queries/x.ts', "import { useServices } from '../services/services';\nexport const u = useServices;", 'queries import services'],
  ['renderer/src/queries/x.ts', "import { CaseScreen } from '../features/case/CaseScreen';\nexport const c = CaseScreen;", 'queries import features'],
  ['renderer/src/commands/x.ts', "import { useUiStore } from '../state/uiStore';\nexport const u = useUiStore;", 'commands import state'],
  ['renderer/src/commands/x.ts', "import { App } from '../app/App';\nexport const a = App;", 'commands import the app'],
  ['renderer/src/services/x.ts', "import { CaseScreen } from '../features/case/CaseScreen';\nexport const c = CaseScreen;", 'services import features'],
  ['renderer/src/forms/x.ts', "import { createConsultation } from '../commands/consultations';\nexport const c = createConsultation;", 'ui imports commands'],
  ['renderer/src/components/x.ts', "import { OtkDatabase } from '../db/schema';\nexport const d = OtkDatabase;", 'ui imports db'],
  ['renderer/src/features/case/x.ts', "import { OtkDatabase } from '../../db/schema';\nexport const d = OtkDatabase;", 'a feature imports db'],
  ['renderer/src/features/case/x.ts', "import { App } from '../../app/App';\nexport const a = App;", 'a feature imports the app'],
];

describe('import layering lint rule', () => {
  it.each(violations)('fails %s (%s)', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';\nexport const s = z.string();\nexport const id = crypto.randomUUID();"],
    ['renderer/src/x.ts', "import { Dexie } from 'dexie';\nimport { intakeSchema } from '../../shared/domain/consultation';\nexport const a = [Dexie, intakeSchema];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { bridgeContract } from '../../shared/bridge/contract';\nexport const a = [app, join, bridgeContract];"],
    ['renderer/src/features/case/x.ts', "import { useServices } from '../../services/services';\nimport { useNetworks } from '../../queries/useNetworks';\nimport { saveNetwork } from '../../commands/networks';\nimport { Field } from '../../forms/Field';\nexport const a = [useServices, useNetworks, saveNetwork, Field];"],
    ['renderer/src/commands/x.ts', "import { readSettings } from '../queries/settings';\nimport { OtkDatabase } from '../db/schema';\nimport { CommandError } from '../access/errors';\nexport const a = [readSettings, OtkDatabase, CommandError];"],
    ['renderer/src/app/x.ts', "import { OtkDatabase } from '../db/schema';\nimport { CaseScreen } from '../features/case/CaseScreen';\nexport const a = [OtkDatabase, CaseScreen];"],
  ])('allows what %s may import', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
