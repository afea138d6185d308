/**
 * True when IndexedDB refused a write for lack of space. Browsers report it as
 * a QuotaExceededError, sometimes wrapped in an AbortError of the transaction
 * (Chromium), and Dexie wraps both again (`inner`).
 */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner ?? cause;
  }
  return false;
}
