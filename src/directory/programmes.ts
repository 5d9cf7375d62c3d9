/**
 * A group's own publications, programmes and branches are that group's resources: a link worded "The Recovery
 * Reporter" (Recovery International's newsletter) or "GROW in Illinois" is the group's though it names neither the
 * group nor its site. Two sources of such names:
 *   - the list below, keyed by the directory's group id (src/directory/groups.ts), each name citing the page it was
 *     read on, by address and that page's own date, as every directory fact does;
 *   - a rule that needs no list: a record named for its country ("GROW in America", "Brain Injury Association of
 *     America") has branches named for their place ("GROW in Illinois", "Brain Injury Association of Michigan").
 * Names are matched as the group writes them (capitals count: "grow in Illinois" is about crops), as whole words, and
 * a name in everyday words run on from another capitalised name ("Economic Recovery Reporter") is someone else's.
 */
import type { Group } from './group.ts';
import { allGroups } from './groups.ts';

export interface NameSource {
  url: string;
  /** The page's own date (YYYY, YYYY-MM or YYYY-MM-DD); null when it shows none. */
  date: string | null;
}

export interface GroupResourceName {
  /** As the group writes it, without a leading "The". */
  name: string;
  kind: 'publication' | 'programme' | 'branch';
  sources: readonly NameSource[];
}

export const GROUP_RESOURCE_NAMES: Readonly<Record<string, readonly GroupResourceName[]>> = {
  'alcoholics-anonymous': [
    {
      // A.A. members who meet a person leaving a treatment or correctional facility and take them to their first
      // meetings; areas and intergroups run it, often as "Bridging the Gap" (an everyday phrase, so not listed here).
      name: 'Temporary Contact Program',
      kind: 'programme',
      sources: [
        { url: 'https://area59aa.org/bridging-the-gap/', date: null },
        { url: 'https://rocklandnyaa.org/get-involved/intergroup/bridging-the-gap/', date: null },
      ],
    },
  ],
  'recovery-international': [
    {
      // Recovery International's newsletter, its issues published on its own site ("Recovery Reporter Fall 2021").
      name: 'Recovery Reporter',
      kind: 'publication',
      sources: [
        { url: 'https://www.recoveryinternational.org/recovery-reporter/fall-2021/', date: '2021' },
        { url: 'https://www.recoveryinternational.org/recovery-reporter/recovery-reporter-spring-2022/', date: '2022' },
        { url: 'https://www.recoveryinternational.org/recovery-reporter/summer-2023/', date: '2023' },
      ],
    },
  ],
  'grow-in-america': [
    // "GROW leaders and staff in Illinois work collaboratively with GROW in America, GROW in New Jersey, and GROW
    // International" (the Illinois page, which the directory's record cites too).
    {
      name: 'GROW in Illinois',
      kind: 'branch',
      sources: [{ url: 'https://www.growinamerica.org/grow-in-illinois', date: '2017' }],
    },
    {
      name: 'GROW in New Jersey',
      kind: 'branch',
      sources: [{ url: 'https://www.growinamerica.org/grow-in-illinois', date: '2017' }],
    },
    {
      name: 'GROW International',
      kind: 'branch',
      sources: [{ url: 'https://www.growinamerica.org/grow-in-illinois', date: '2017' }],
    },
  ],
};

/** A record named for its country: "<name> in America", "<name> of America", "… of the United States". */
const FOR_ITS_COUNTRY = /^(.+?) (?:in|of) (?:America|the United States(?: of America)?)$/;
/** A place as a branch's name gives it: up to four capitalised words, "the" before them allowed. */
const PLACE = String.raw`(?:the )?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}`;
/** Words before a name that still leave it the group's own: "The Recovery Reporter", "RI's Recovery Reporter". */
const OWN_PREFIX = /^(?:The|the)$|['’]s$/;

export interface NamedResource {
  group: Group;
  /** The words that named it, as written. */
  named: string;
  kind: GroupResourceName['kind'];
}

interface Matcher {
  group: Group;
  kind: GroupResourceName['kind'];
  /** The name's first word as written: words without it cannot name it (names match as written, capitals and all). */
  firstWord: string;
  source: string;
  /** Compiled on first need: each pattern's Unicode classes cost a part of a millisecond to compile. */
  pattern: RegExp | null;
}

let matchers: readonly Matcher[] | null = null;

function built(): readonly Matcher[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const out: Matcher[] = [];
  const add = (group: Group, kind: Matcher['kind'], name: string, source: string) =>
    out.push({ group, kind, firstWord: name.split(' ')[0]!, source, pattern: null });
  for (const group of allGroups()) {
    for (const r of GROUP_RESOURCE_NAMES[group.id] ?? []) add(group, r.kind, r.name, escape(r.name));
    for (const name of [group.name, ...group.formerNames]) {
      const core = FOR_ITS_COUNTRY.exec(name)?.[1];
      if (core) add(group, 'branch', core, `${escape(core)}\\s+(?:in|of)\\s+${PLACE}`);
    }
  }
  return out;
}

/** A matcher's pattern: its name as whole words. */
const whole = (matcher: Matcher) =>
  (matcher.pattern ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${matcher.source})(?![\\p{L}\\p{N}])`, 'u'));

/** The group whose publication, programme or branch these words name; null when none, or more than one group. */
export function groupResourceNamed(words: string): NamedResource | null {
  matchers ??= built();
  let found: NamedResource | null = null;
  for (const matcher of matchers) {
    if (!words.includes(matcher.firstWord)) continue;
    const { group, kind } = matcher;
    const m = whole(matcher).exec(words);
    if (!m) continue;
    // A name in capitals ("GROW in Illinois") is the group's whatever comes before it ("Contact GROW in Illinois").
    const before = /^\p{Lu}{2,}(?!\p{Ll})/u.test(m[0]) ? undefined : /(\S+)\s+$/u.exec(words.slice(0, m.index))?.[1];
    if (before !== undefined && /^\p{Lu}/u.test(before) && !OWN_PREFIX.test(before)) continue;
    if (found && found.group.id !== group.id) return null;
    found ??= { group, named: m[0], kind };
  }
  return found;
}

/**
 * The cheap test's alternatives for these names (spotting's cuePattern, in any case, any whitespace): the listed
 * names, and each country-named record's name with "in" or "of" after it.
 */
export function groupResourceCues(): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const cues = Object.values(GROUP_RESOURCE_NAMES).flatMap((names) => names.map((r) => escape(r.name)));
  for (const group of allGroups()) {
    for (const name of [group.name, ...group.formerNames]) {
      const core = FOR_ITS_COUNTRY.exec(name)?.[1];
      if (core) cues.push(`${escape(core)}\\s+(?:in|of)\\s`);
    }
  }
  return [...new Set(cues)];
}
