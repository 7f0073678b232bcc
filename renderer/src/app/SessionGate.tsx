import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { OtkDatabase } from '../db/schema';
import type { Bridge } from '../../../shared/bridge/contract';
import type { Clock } from '../../../shared/clock';
import type { Profile } from '../../../shared/protection/roles';
import type { Keyring } from '../db/keyring';
import { recoverProfile, setUpFirstProfile, unlockProfile } from '../commands/session';
import { holdsNoCases, listProfiles, networksForSetUp } from '../queries/session';
import { migrationDone, migrationState } from '../queries/migration';
import { readIdleMinutes } from '../queries/session';
import type { ProfileRow } from '../db/rows/profile';
import { useUiStore } from '../state/uiStore';
import { GateShell } from '../features/session/GateShell';
import type { DeskNetwork } from '../features/session/DeskNetworkField';
import { UnlockScreen } from '../features/session/UnlockScreen';
import { troubleOf, type Trouble } from '../features/backup/database-trouble';
import { rememberedInstallation, rememberInstallation } from '../features/backup/installation-marker';
import { readInstallation } from '../queries/installation';
import { LoadBoundary, LoadingView } from '../components/Preloadable';
import { gateScreens, openSession, preloadUnlocked } from './preload';

type Gate =
  | { step: 'loading' }
  | { step: 'setup'; networks: DeskNetwork[] }
  /** Restore from a backup (issue 20): a new installation becomes the backed-up one. */
  /** `replace`: into the place of a database that cannot be opened (replaced only when the restore is applied). */
  | { step: 'restore'; replace?: boolean }
  /** The database cannot be opened, or opened empty where there was an installation (features/backup). */
  | { step: 'trouble'; trouble: Trouble }
  | { step: 'locked'; profiles: ProfileRow[] }
  | { step: 'recovery-key'; profile: Profile; recoveryKey: string }
  | { step: 'encrypting'; profile: Profile; done: number }
  | { step: 'open'; profile: Profile; idleMinutes: number };

/**
 * The app opens locked. First start sets up the first profile — a coordinator, or the desk of a
 * requester or an expert, which then opens as that role — and shows the recovery key once; later
 * starts ask for a profile's passphrase. Existing plaintext is sealed before the app opens
 * (resumable). The unlocked app locks after the idle time, on Ctrl+Shift+L and from the header;
 * locking forgets the keys and reloads the page, so nothing decrypted stays in memory or on screen.
 */
export function SessionGate({ db, keyring, bridge, clock, children }: { db: OtkDatabase; keyring: Keyring; bridge: Bridge; clock: Clock; children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ step: 'loading' });
  const now = clock;
  // The lock screen's commands act before any profile is unlocked: the database, the keyring, the clock.
  const lockScreen = useMemo(() => ({ db, keyring, now: clock }), [db, keyring, clock]);

  useEffect(() => {
    let live = true;
    void listProfiles(db).then(
      async (profiles) => {
        // A new installation offers its networks (not sealed: readable while locked) to an expert desk.
        let gate: Gate = profiles.length === 0 ? { step: 'setup', networks: await networksForSetUp(db) } : { step: 'locked', profiles };
        // Empty, but this profile had an installation: its data is gone — say so and offer the restore.
        const remembered = rememberedInstallation();
        if (profiles.length === 0 && remembered !== null && remembered !== (await readInstallation(db)).id) gate = { step: 'trouble', trouble: 'lost' };
        if (live) setGate(gate);
      },
      (error: unknown) => {
        console.error('the database cannot be opened', error);
        if (live) setGate({ step: 'trouble', trouble: troubleOf(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [db]);

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
    if (waitingForUser) preloadUnlocked();
  }, [waitingForUser]);

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
