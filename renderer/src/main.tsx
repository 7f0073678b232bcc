// First: no module may make a zod schema before zod is told not to try eval (see the file).
import '../../shared/security/no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@fontsource/source-sans-pro/400.css';
import '@fontsource/source-sans-pro/600.css';
import '@fontsource/source-sans-pro/700.css';
import './styles.css';
// After styles.css: the print rules override the screen's scrolling boxes and clipped cells.
import './print/print.css';
import { createDatabase } from './db/open';
import { createBridge } from './bridge';
import { createI18n } from './i18n';
import { useUiStore } from './state/uiStore';
import { Keyring } from './db/keyring';
import { DATABASE_NAME } from './db/schema';
import { SessionGate } from './app/SessionGate';
import { readFirstGate } from './app/first-gate';
import { app } from './app/preload';
import { systemClock } from '../../shared/clock';
import { keepInputsPrivate } from './security/private-inputs';
import { nameDropdownLists } from './forms/popover-names';
import { installTrustedTypesPolicy, type TrustedTypesFactory } from './security/trusted-types';

async function start() {
  // Before anything can reach a Trusted Types sink (the bundle worker's script URL).
  installTrustedTypesPolicy((window as { trustedTypes?: TrustedTypesFactory }).trustedTypes, () => window.location.href);
  // The keys live only in this keyring, only while a profile is unlocked (see SessionGate).
  const keyring = new Keyring();
  // The one clock of the app (shared/clock.ts): every command, stamp and screen takes "now" from it.
  const clock = systemClock;
  const db = createDatabase({ name: DATABASE_NAME, clock, keyring });
  const bridge = createBridge();
  // The database opens and the profiles are read while i18n sets up and React renders.
  const firstGate = readFirstGate(db);
  const i18n = await createI18n(useUiStore.getState().language);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  keepInputsPrivate(document.body);
  nameDropdownLists(document.body);
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionGate db={db} keyring={keyring} bridge={bridge} clock={clock} firstGate={firstGate}>
          <app.Component />
        </SessionGate>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
