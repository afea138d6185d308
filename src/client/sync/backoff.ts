/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait a
 * random time up to min(cap, base·2^n), so a hundred phones coming back online
 * at once do not knock on the server together.
 */
export function backoffDelay(
  failures: number,
  random: number,
  baseMs = 1000,
  capMs = 60_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** A uniform number in [0, 1) from the platform's crypto source. */
export function cryptoRandom(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return (buf[0] as number) / 2 ** 32;
}
