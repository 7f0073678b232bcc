import { createContext, useContext, type ReactNode } from 'react';
import type { CommandContext } from '../access/context';

/**
 * What the live reads need from the unlocked session — the database, the profile (every read is
 * as far as the profile may see) and the clock — given by the services provider above the screens.
 * The reads' own context, so this layer never reaches up for the app's services.
 */
const QueryContext = createContext<CommandContext | null>(null);

export function QueryContextProvider({ context, children }: { context: CommandContext; children: ReactNode }) {
  return <QueryContext.Provider value={context}>{children}</QueryContext.Provider>;
}

export function useQueryContext(): CommandContext {
  const context = useContext(QueryContext);
  if (!context) throw new Error('useQueryContext() outside <QueryContextProvider>');
  return context;
}
