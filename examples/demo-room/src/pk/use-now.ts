/** The current time, re-read every `periodMs` while `active`: for countdowns. */
import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed on a timer while `active` is true. */
export function useNow(active: boolean, periodMs = 250): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [active, periodMs]);
  return now;
}
