import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { OtkDatabase } from '../db/schema';
import type { Bridge } from '../../../shared/bridge/contract';
import type { Clock } from '../../../shared/clock';
import type { Profile } from '../../../shared/protection/roles';
import type { Keyring } from '../db/keyring';
import { recoverProfile, setUpFirstProfile, unlockProfile } from '../commands/session';
import { holdsNoCases, networksForSetUp } from '../queries/session';
import { migrationDone, migrationState } from '../queries/migration';
import { readIdleMinutes } from '../queries/session';
import { useUiStore } from '../state/uiStore';
import { GateShell } from '../features/session/GateShell';
import { UnlockScreen } from '../features/session/UnlockScreen';
import { rememberInstallation } from '../features/backup/installation-marker';
import { readInstallation } from '../queries/installation';
import { LoadBoundary, LoadingView } from '../components/Preloadable';
import { readFirstGate, type Gate } from './first-gate';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import { gateScreens, openSession, preloadUnlocked } from './preload';

/**
 * The app opens locked. First start sets up the first profile — a coordinator, or the desk of a
 * requester or an expert, which then opens as that role — and shows the recovery key once; later
 * starts ask for a profile's passphrase. Existing plaintext is sealed before the app opens
 * (resumable). The unlocked app locks after the idle time, on Ctrl+Shift+L and from the header;
 * locking forgets the keys and reloads the page, so nothing decrypted stays in memory or on screen.
 */
export function SessionGate({
  db,
  keyring,
  bridge,
  clock,
  firstGate,
  children,
}: {
  db: OtkDatabase;
  keyring: Keyring;
  bridge: Bridge;
  clock: Clock;
  /** `readFirstGate(db)` started before the first render (main.tsx), so the database opens while the page sets up. */
  firstGate?: Promise<Gate>;
  children: ReactNode;
}) {
  const [gate, setGate] = useState<Gate>({ step: 'loading' });
  const now = clock;
  // The lock screen's commands act before any profile is unlocked: the database, the keyring, the clock.
  const lockScreen = useMemo(() => ({ db, keyring, now: clock }), [db, keyring, clock]);

  useEffect(() => {
    let live = true;
    void (firstGate ?? readFirstGate(db)).then((gate) => {
      if (live) setGate(gate);
    });
    return () => {
      live = false;
    };
  }, [db, firstGate]);

  async function enter(profile: Profile) {
    useUiStore.getState().setLanguage(profile.language);
    rememberInstallation((await readInstallation(db)).id);
    if (!migrationDone(await migrationState(db))) {
      setGate({ step: 'encrypting', profile, done: 0 });
      const { encryptAtRest } = await import('../commands/migrate');
      await encryptAtRest({ db, actor: profile.name, profile, now }, (done) => setGate({ step: 'encrypting', profile, done }));
    }
    setGate({ step: 'open', profile, idleMinutes: await readIdleMinutes(db) });
  }

  // The lock screen (or the set-up) is on screen: load the open app while the passphrase is typed,
  // so that unlocking does not wait for its code (app/preload.ts).
  const waitingForUser = gate.step === 'locked' || gate.step === 'setup' || gate.step === 'recovery-key';
  useEffect(() => {
    if (!waitingForUser) return;
    preloadUnlocked();
    // The Europe/Helsinki calendar (time-zone data) the work list's first render asks for, set up
    // meanwhile too: its first use costs tens of ms.
    const idle = requestIdleCallback(() => helsinkiDate(clock()));
    return () => cancelIdleCallback(idle);
  }, [waitingForUser, clock]);

  return (
    <LoadBoundary>
      <Suspense fallback={<LoadingView />}>{gateStep()}</Suspense>
    </LoadBoundary>
  );

  function gateStep(): ReactNode {
    switch (gate.step) {
      case 'loading':
        return null;
      case 'setup':
        return (
          <gateScreens.setup.Component
            networks={gate.networks}
            onSetUp={async (input) => {
              const empty = await holdsNoCases(db);
              const { profile, recoveryKey } = await setUpFirstProfile(lockScreen, { ...input, language: useUiStore.getState().language });
              if (empty) await (await import('../commands/migrate')).markNothingToMigrate(db);
              setGate({ step: 'recovery-key', profile, recoveryKey });
            }}
            onRestore={() => setGate({ step: 'restore' })}
          />
        );
      case 'restore':
        return (
          <gateScreens.restore.Component
            db={db}
            bridge={bridge}
            clock={clock}
            replace={gate.replace ? async () => (await import('../commands/backup/replace-database')).replaceUnreadableDatabase(db) : undefined}
            onBack={gate.replace ? undefined : () => void networksForSetUp(db).then((networks) => setGate({ step: 'setup', networks }))}
            onDone={(id) => {
              rememberInstallation(id);
              window.location.reload();
            }}
          />
        );
      case 'trouble':
        return (
          <gateScreens.trouble.Component
            trouble={gate.trouble}
            // The unreadable database stays as it is until a backup has passed every check (RestoreScreen's `replace`).
            onRestore={async () => setGate({ step: 'restore', replace: gate.trouble !== 'lost' })}
            onSetUpNew={gate.trouble === 'lost' ? () => void networksForSetUp(db).then((networks) => setGate({ step: 'setup', networks })) : undefined}
          />
        );
      case 'recovery-key':
        return <gateScreens.recoveryKey.Component recoveryKey={gate.recoveryKey} onDone={() => void enter(gate.profile)} />;
      case 'locked':
        return (
          <UnlockScreen
            profiles={gate.profiles}
            actions={{
              unlock: async (id, passphrase) => enter(await unlockProfile(lockScreen, id, passphrase)),
              recover: async (id, input) => enter(await recoverProfile(lockScreen, id, input)),
            }}
          />
        );
      case 'encrypting':
        return <EncryptingScreen done={gate.done} />;
      case 'open':
        return (
          <openSession.Component db={db} keyring={keyring} bridge={bridge} clock={clock} profile={gate.profile} idleMinutes={gate.idleMinutes}>
            {children}
          </openSession.Component>
        );
    }
  }
}

function EncryptingScreen({ done }: { done: number }) {
  const { t } = useTranslation();
  return (
    <GateShell title={t('session.encrypting.title')}>
      <Paragraph>{t('session.encrypting.intro')}</Paragraph>
      <p role="status">{t('session.encrypting.progress', { count: done })}</p>
    </GateShell>
  );
}
