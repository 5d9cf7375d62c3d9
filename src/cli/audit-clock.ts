/**
 * The audit's clock. Normally the real one; for tests, STILL_THERE_NOW=2026-11-29T10:00:00Z makes a run believe it
 * is that moment (and running on from it), so "three runs on three different days" takes seconds. Only the CLI
 * entry reads the variable (main.ts); the engine receives the clock as its `now`, nothing else changes.
 */
export type Clock = () => Date;

export class ClockError extends Error {}

/** The clock the environment asks for: STILL_THERE_NOW (ISO 8601) pretended from now on, or null for the real one. */
export function clockFromEnv(env: Record<string, string | undefined>): Clock | null {
  const given = env.STILL_THERE_NOW;
  if (given === undefined || given === '') return null;
  const at = Date.parse(given);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(given) || Number.isNaN(at))
    throw new ClockError(`STILL_THERE_NOW wants an ISO 8601 time like 2026-11-29T10:00:00Z, got "${given}"`);
  const offset = at - Date.now();
  return () => new Date(Date.now() + offset);
}
