import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@fontsource/source-sans-pro/400.css';
import '@fontsource/source-sans-pro/600.css';
import '@fontsource/source-sans-pro/700.css';
import './styles.css';
import { App } from './app/App';
import { ServicesProvider, type Services } from './app/services';
import { createDatabase } from './db/open';
import { createBridge } from './bridge';
import { createI18n } from './i18n';
import { useUiStore } from './state/uiStore';
import { CaseIndex } from './data/case-index';

/** The local profile until user profiles land (issue: data protection). */
const LOCAL_ACTOR = 'local-coordinator';

async function start() {
  const db = createDatabase();
  const services: Services = {
    commands: { db, actor: LOCAL_ACTOR, now: () => new Date() },
    bridge: createBridge(),
    caseIndex: new CaseIndex(db),
  };
  const i18n = await createI18n(useUiStore.getState().language);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={services}>
          <App />
        </ServicesProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
