import { createContext, useContext, type ReactNode } from 'react';
import type { Bridge } from '../../../shared/bridge/contract';
import type { CommandContext } from '../access/context';
import { QueryContextProvider } from '../queries/query-context';
import type { CaseIndex } from '../queries/case-index';
import type { Keyring } from '../db/keyring';
import type { LockReason } from '../commands/session';

/** The unlocked session: lock it (the page reloads to the lock screen) or switch profile. */
export interface SessionControls {
  keyring: Keyring;
  lock: (reason: LockReason) => Promise<void>;
}

/** What the screens need from the outside world: the command context (database, actor, clock) and the shell bridge. */
export interface Services {
  commands: CommandContext;
  bridge: Bridge;
  /** The work list's in-memory index of every case's list row. */
  caseIndex: CaseIndex;
  session: SessionControls;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <QueryContextProvider context={services.commands}>{children}</QueryContextProvider>
    </ServicesContext.Provider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}
