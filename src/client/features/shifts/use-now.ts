import { useEffect, useState } from 'react';

/** The phone's clock, refreshed every `everyMs`: for durations on screen ("at this post 40 min"). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
