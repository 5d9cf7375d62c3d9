/**
 * The audit's nights: what each complete run with --cache found, kept in the cache file beside the verdicts (its
 * "nights" key), so every report can open with what changed since the previous run — newly dead, newly moved,
 * recovered, still dead for N nights — and the HTML report can chart the last 30 nights. Editors asked for one
 * rolling report rather than a fresh full list every night (lycheeverse/lychee-action#209, #268).
 *
 * A run less than 12 hours after the last one is the same night (a CI job that runs the audit twice, an editor
 * trying again in the morning): it replaces that night and is compared with the night before, so a second run
 * never reports "nothing changed" for what the first one found. Only complete runs are kept: a night ended early
 * or offline says nothing about the links it did not check.
 */
import { readFile } from 'node:fs/promises';
import type { Verdict } from '../health/verdict.ts';
import type { NightCounts, SinceLastRun } from '../report/model.ts';

/** Nights kept: the chart's 30, and as many again for "still dead for N nights". */
export const NIGHTS_KEPT = 60;
/** Runs closer together than this are one night (the confirmation rule's own 12 hours between failures). */
export const SAME_NIGHT_MS = 12 * 3_600_000;

export interface Night {
  at: string;
  counts: Record<Verdict, number>;
  /** The links dead or moved that night, by the audit's key. */
  states: Record<string, 'dead' | 'moved'>;
}

/** The nights a cache file holds, oldest first; none for a file without them (an older cache, or no file). */
export async function loadNights(file: string): Promise<Night[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // No file yet, or one the cache's own reader has already judged: nights are an addition, never a reason to fail.
    return [];
  }
  const nights = (data as { nights?: unknown } | null)?.nights;
  if (!Array.isArray(nights)) return [];
  return nights.filter(isNight).sort((a, b) => a.at.localeCompare(b.at));
}

function isNight(n: unknown): n is Night {
  if (typeof n !== 'object' || n === null) return false;
  const { at, counts, states } = n as Record<string, unknown>;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return false;
  if (typeof counts !== 'object' || counts === null) return false;
  for (const v of ['alive', 'moved', 'dead', 'unverified'])
    if (!Number.isInteger((counts as Record<string, unknown>)[v])) return false;
  if (typeof states !== 'object' || states === null || Array.isArray(states)) return false;
  return Object.values(states).every((s) => s === 'dead' || s === 'moved');
}

/** Tonight's verdicts by key, as the comparison needs them. */
export type Tonight = Map<string, Verdict>;

/** The night a run at `now` is compared with: the last one before tonight's (a run within 12 h is tonight's). */
export function previousNight(nights: readonly Night[], now: Date): Night | null {
  const last = nights.at(-1);
  if (!last) return null;
  const sameNight = now.getTime() - Date.parse(last.at) < SAME_NIGHT_MS;
  return (sameNight ? nights.at(-2) : last) ?? null;
}

export function sinceLastRun(nights: readonly Night[], tonight: Tonight, now: Date): SinceLastRun {
  const previous = previousNight(nights, now);
  const before = previous?.states ?? {};
  const earlier = nights.filter((n) => n.at <= (previous?.at ?? ''));
  const out: SinceLastRun = {
    previousRunAt: previous?.at ?? null,
    newlyDead: [],
    newlyMoved: [],
    recovered: [],
    stillDead: [],
  };
  for (const [key, verdict] of [...tonight].sort(([a], [b]) => a.localeCompare(b))) {
    const was = before[key];
    if (verdict === 'dead') {
      if (was === 'dead') out.stillDead.push({ url: key, nights: deadRun(earlier, key) + 1 });
      else out.newlyDead.push(key);
    } else if (verdict === 'moved' && was !== 'moved') out.newlyMoved.push(key);
    else if (verdict === 'alive' && was !== undefined) out.recovered.push(key);
  }
  out.stillDead.sort((a, b) => b.nights - a.nights || a.url.localeCompare(b.url));
  return out;
}

/** How many nights in a row, back from the last, the link was dead. */
function deadRun(nights: readonly Night[], key: string): number {
  let n = 0;
  for (let i = nights.length - 1; i >= 0 && nights[i]!.states[key] === 'dead'; i--) n++;
  return n;
}

/** The nights with tonight's complete run filed: replacing tonight's earlier run, the oldest dropped. */
export function withTonight(nights: readonly Night[], tonight: Tonight, now: Date): Night[] {
  const counts: Record<Verdict, number> = { alive: 0, moved: 0, dead: 0, unverified: 0 };
  const states: Night['states'] = {};
  for (const [key, verdict] of tonight) {
    counts[verdict]++;
    if (verdict === 'dead' || verdict === 'moved') states[key] = verdict;
  }
  const last = nights.at(-1);
  const kept = last && now.getTime() - Date.parse(last.at) < SAME_NIGHT_MS ? nights.slice(0, -1) : [...nights];
  kept.push({ at: now.toISOString(), counts, states });
  return kept.slice(-NIGHTS_KEPT);
}

/** The chart's figures: the last 30 nights. */
export function chartNights(nights: readonly Night[]): NightCounts[] {
  return nights.slice(-30).map((n) => ({
    at: n.at,
    dead: n.counts.dead,
    moved: n.counts.moved,
    unverified: n.counts.unverified,
  }));
}
