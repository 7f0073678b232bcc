import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OtkDatabase } from '../db/schema';
import type { Bridge } from '../../../shared/bridge/contract';
import type { Clock } from '../../../shared/clock';
import type { Profile } from '../../../shared/protection/roles';
import type { Keyring } from '../db/keyring';
import { ServicesProvider, type Services } from '../services/services';
import { CaseIndex } from '../queries/case-index';
import { rowVisibleTo } from '../queries/row-visibility';
import { lockSession, setProfileLanguage, type LockReason } from '../commands/session';
import { useUiStore } from '../state/uiStore';
import { isLockShortcut, useIdleLock } from '../features/session/useIdleLock';
import { useAutomaticBackups } from '../features/backup/useAutomaticBackups';
import { holdPreloads } from './screens';

/**
 * The unlocked app around its screens: services, idle lock, the lock shortcut, automatic backups.
 * Its own chunk (app/preload.ts): the lock screen does not need it; it is loaded while the
 * passphrase is typed.
 */
/** While the session ends, the automatic backup is written first. */
function LeavingNotice() {
  const { t } = useTranslation();
  return (
    <p role="status" className="otk-notice otk-leaving">
      {t('backup.leaving')}
    </p>
  );
}

const HOLD_MS = 5000;

function holdPreloadsUntilReady(caseIndex: CaseIndex): () => void {
  let release = () => {};
  const ready = new Promise<void>((resolve) => (release = resolve));
  holdPreloads(ready);
  const timer = setTimeout(release, HOLD_MS);
  const unsubscribe = caseIndex.subscribe(() => {
    if (caseIndex.ready) release();
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
    release();
  };
}

export function OpenSession(props: { db: OtkDatabase; keyring: Keyring; bridge: Bridge; clock: Clock; profile: Profile; idleMinutes: number; children: ReactNode }) {
  const { db, keyring, bridge, clock, profile, idleMinutes, children } = props;
  // Automatic backups (features/backup): after the day's first change, and before the session ends.
  const { beforeLeave, leavingNow } = useAutomaticBackups({ db, bridge, profile, clock });
  const lock = useCallback(
    async (reason: LockReason) => {
      await beforeLeave();
      await lockSession({ db, keyring, now: clock }, profile, reason).finally(() => window.location.reload());
    },
    [db, keyring, profile, clock, beforeLeave],
  );
  const services = useMemo<Services>(
    () => ({
      commands: { db, actor: profile.name, profile, now: clock },
      bridge,
      caseIndex: new CaseIndex(db, rowVisibleTo(profile)),
      session: { keyring, lock },
    }),
    [db, bridge, clock, profile, keyring, lock],
  );
  // The remaining screens' code loads after the list index (or after HOLD_MS, for a desk that does
  // not load it): their chunks' evaluation would otherwise fall between the index's slices.
  useEffect(() => holdPreloadsUntilReady(services.caseIndex), [services.caseIndex]);
  const onIdle = useCallback(() => void lock('idle'), [lock]);
  useIdleLock(idleMinutes, onIdle);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      void lock('shortcut');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  // The language chosen while unlocked is the profile's from now on.
  useEffect(
    () =>
      useUiStore.subscribe((state, previous) => {
        if (state.language !== previous.language) void setProfileLanguage({ db, actor: profile.name, profile, now: clock }, state.language);
      }),
    [db, profile, clock],
  );

  return (
    <ServicesProvider services={services}>
      {leavingNow && <LeavingNotice />}
      {children}
    </ServicesProvider>
  );
}
