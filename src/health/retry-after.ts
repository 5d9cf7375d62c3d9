/**
 * Retry-After in every form servers send: delta seconds ("120"), an HTTP date, and the "30s" / "1m30s" forms
 * linkinator met in the wild. Returns milliseconds to wait, or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const units = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+(?:\.\d+)?)s)?$/i.exec(v);
  if (units && (units[1] || units[2] || units[3])) {
    return Math.round(((Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0)) * 60 + Number(units[3] ?? 0)) * 1000);
  }
  // An HTTP date always names a weekday or month; bare numbers like "-5" are not dates.
  if (!/[a-z]{3}/i.test(v)) return null;
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return null;
}
