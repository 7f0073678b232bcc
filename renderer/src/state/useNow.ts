import { useEffect, useState } from 'react';
import type { Clock } from '../../../shared/clock';

/**
 * "Now" from the app's clock, read again every `everyMs` while the screen is open: a case left
 * open until its meeting begins offers the next step without a reload.
 */
export function useNow(clock: Clock, everyMs = 60_000): Date {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
