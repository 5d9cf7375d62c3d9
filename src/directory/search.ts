/**
 * The popup's search over the bundled directory: "ndmda" finds DBSA, "recovery inc" Recovery International,
 * "ocfoundation" the International OCD Foundation, "smrt recovery" SMART Recovery. Offline and instant: the
 * index is built once; each query word meets only the directory words it could be (typos.ts finds them by length,
 * letters and alphabetical order), and only the groups holding the words met are ranked.
 *
 * Ranking, best first:
 *   0  the whole query is one of the group's names, acronyms or domains ("nami", "Recovery, Inc.", "aa.org")
 *   1  a name or domain starts with the query ("alcoholics an", "coda")
 *   2  every word of the query starts a word of one name ("recovery", "mental health")
 *   3  the same, with a typo per word: edit distance ≤ 1, ≤ 2 for words of 8 letters or more
 * then fewer typos, whole words before word starts, current names before former ones, and shorter names.
 * Spanish words of the names count as the English ones ("alcohólicos anónimos"); words such as "of", "de", "www"
 * may be left out or added. A domain's own label counts as a name ("ca" is ca.org, Cocaine Anonymous).
 *
 * This is the names step of the popup's search; find.ts adds topics, kinds and crisis lines, and holds the whole rule.
 */
import type { Group } from './group.ts';
import { allGroups } from './groups.ts';
import { inCodeUnitOrder, runStarting, spelling, WordList } from './typos.ts';

/** Which of the group's names the query found; the popup says "formerly …" for a former name or domain. */
export type MatchedBy =
  | 'name'
  | 'acronym'
  | 'formerName'
  | 'website'
  | 'otherDomain'
  | 'formerDomain'
  /** Found by what it serves (find.ts), not by a name. */
  | 'topic'
  | 'kind';

export interface SearchHit {
  group: Group;
  matchedBy: MatchedBy;
  /** The name, acronym or domain as the directory spells it. */
  matched: string;
  /**
   * The former name or domain that found the group when nothing current did ("Recovery, Inc."): the reader
   * typed an old name and should see that it is old. Null when the current name, an acronym or a current domain
   * matched without a typo.
   */
  formerly: string | null;
  /** Lower is better; only the order means anything. */
  rank: number;
}

export interface GroupIndex {
  /** Every group the query finds, best first; empty for an empty or junk query. */
  search(query: string): SearchHit[];
}

/** A current name outranks a former one at the same tier: the former is how it was found, not what it is. */
const KIND_WEIGHT: Record<MatchedBy, number> = {
  name: 0,
  acronym: 0,
  website: 1,
  otherDomain: 1,
  formerName: 2,
  formerDomain: 3,
  topic: 4,
  kind: 5,
};

const FORMER = new Set<MatchedBy>(['formerName', 'formerDomain']);

const TIER = { exact: 0, prefix: 1, words: 2, typos: 3 } as const;

/** The words of an address that name no group: a query of nothing else ("org", "www") finds nothing. */
const URL_WORDS = new Set(['http', 'https', 'www', 'org', 'com', 'net', 'gov']);

/**
 * Words a query may leave out or add without losing its match ("Women for Sobriety" = "women sobriety"). Spanish
 * ones too: "Alcohólicos Anónimos de la ciudad" is still a search for AA. URL words let a pasted address search.
 */
const OPTIONAL_WORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  'in',
  'on',
  'at',
  'to',
  'a',
  'an',
  'de',
  'del',
  'la',
  'las',
  'el',
  'los',
  'y',
  'e',
  'en',
  'para',
  'por',
  'con',
  ...URL_WORDS,
]);

/**
 * Spanish words of the directory's names, so a Spanish speaker's "alcohólicos anónimos" or "salud mental" finds
 * the English record. Plain vocabulary, not facts about any group: the groups' own Spanish names are not in
 * groups.md, and typo tolerance already bridges most cognates (alcohólicos ~ alcoholics).
 */
const SPANISH: Record<string, string[]> = {
  anonimos: ['anonymous'],
  anonimas: ['anonymous'],
  anonimo: ['anonymous'],
  alcoholicos: ['alcoholics'],
  narcoticos: ['narcotics'],
  cocaina: ['cocaine'],
  jugadores: ['gamblers'],
  comedores: ['overeaters'],
  codependientes: ['codependents'],
  emociones: ['emotions'],
  familia: ['family', 'families'],
  familias: ['families', 'family'],
  grupo: ['group', 'groups'],
  grupos: ['groups', 'group'],
  hijos: ['children'],
  adultos: ['adult'],
  depresion: ['depression'],
  bipolar: ['bipolar'],
  apoyo: ['support'],
  alianza: ['alliance'],
  nacional: ['national'],
  internacional: ['international'],
  recuperacion: ['recovery'],
  salud: ['health'],
  suicidio: ['suicide'],
  linea: ['lifeline', 'helpline'],
  ayuda: ['help', 'helpline'],
  mujeres: ['women'],
  sobriedad: ['sobriety'],
  fundacion: ['foundation'],
  esquizofrenia: ['schizophrenia'],
  centro: ['center'],
  servicios: ['services', 'service'],
  oficina: ['office'],
};

/** Whether a folded word is one of the Spanish words the search knows: a query of them is read in Spanish. */
export function isSpanishWord(word: string): boolean {
  return Object.hasOwn(SPANISH, word);
}

/** Case, accents and punctuation do not count: "Recovery, Inc." = "recovery inc", "Anónimos" = "anonimos". */
export function fold(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      // An apostrophe joins ("Consumers'", "O'Brien"): dropping it keeps one word.
      .replace(/['’ʼ`]/g, '')
  );
}

/** Words of folded text, plus each hyphenated compound written solid ("al-anon" → al, anon, alanon). */
function wordsOf(folded: string): string[] {
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const compound of folded.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [])
    words.push(compound.replace(/-/g, ''));
  return words;
}

function compactOf(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, '');
}

interface Key {
  kind: MatchedBy;
  text: string;
  folded: string;
  /** Indexes into the index's vocabulary. */
  words: number[];
  /** Distinct plain words, for "how much of the name is left over". */
  size: number;
  compact: string;
  /** A domain's own label ("ca" of ca.org): typed whole, it names the group as an acronym would. */
  label?: string;
}

interface QueryWord {
  spellings: string[];
  optional: boolean;
  /** The word still being typed: it may be the start of a directory word. */
  last: boolean;
}

/** Typos forgiven per word: none in short words (NA, AA, CA would all find each other), two in long ones. */
export function typosAllowed(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

const NO_MATCH = 99;

export function buildIndex(groups: readonly Group[] = allGroups()): GroupIndex {
  const vocabulary: string[] = [];
  const wordId = new Map<string, number>();
  const idOf = (w: string): number => {
    let id = wordId.get(w);
    if (id === undefined) {
      id = vocabulary.length;
      vocabulary.push(w);
      wordId.set(w, id);
    }
    return id;
  };

  const nameKey = (kind: MatchedBy, text: string): Key => {
    const folded = fold(text);
    const words = wordsOf(folded);
    return {
      kind,
      text,
      folded,
      words: [...new Set(words.map(idOf))],
      size: new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean)).size,
      compact: compactOf(folded),
    };
  };
  // A domain's words are its labels without "www" and the top-level domain: "org" would find every group.
  const domainKey = (kind: MatchedBy, host: string): Key => {
    const bare = host.toLowerCase().replace(/^www\./, '');
    const labels = bare.split('.');
    const words = wordsOf(labels.slice(0, -1).join(' '));
    return {
      kind,
      text: bare,
      folded: bare,
      words: [...new Set(words.map(idOf))],
      size: Math.max(1, labels.length - 1),
      compact: compactOf(labels.join('.')),
      ...(labels.length === 2 ? { label: compactOf(labels[0]!) } : {}),
    };
  };

  const entries = groups.map((group) => ({
    group,
    keys: [
      nameKey('name', group.name),
      ...group.acronyms.map((a) => nameKey('acronym', a)),
      ...group.formerNames.map((n) => nameKey('formerName', n)),
      ...(group.website ? [domainKey('website', new URL(group.website).hostname)] : []),
      ...group.otherDomains.map((d) => domainKey('otherDomain', d)),
      // Unconfirmed former domains stay out, as in lookup.ts: they may belong to anyone now.
      ...group.formerDomains.map((d) => domainKey('formerDomain', d)),
    ],
  }));

  const directoryWords = new WordList(vocabulary);

  // Which groups each word and each whole name stands in: a query meets a few of them, so only those groups are
  // ranked (rankKey finds nothing in the others). A domain's label is the start of its whole name ("ca" of "caorg").
  const groupsWithWord = vocabulary.map((): number[] => []);
  const compacts = new Map<string, number[]>();
  entries.forEach(({ keys }, e) => {
    for (const key of keys) {
      for (const w of key.words) addOnce(groupsWithWord[w]!, e);
      addOnce(listOf(compacts, key.compact), e);
    }
  });
  const wholeNames = [...compacts.keys()].sort(inCodeUnitOrder);
  const groupsWithWholeName = wholeNames.map((name) => compacts.get(name)!);

  /** How one query word meets each vocabulary word: 0 same, 1 starts it, 2 + typos, NO_MATCH; and the words met. */
  function scoreWord(word: QueryWord): { scores: Int32Array; met: number[] } {
    const scores = new Int32Array(vocabulary.length).fill(NO_MATCH);
    const met: number[] = [];
    const meet = (v: number, score: number) => {
      if (scores[v] === NO_MATCH) met.push(v);
      if (score < scores[v]!) scores[v] = score;
    };
    for (const typed of word.spellings) {
      directoryWords.forEachStarting(typed, (v) => meet(v, vocabulary[v] === typed ? 0 : 1));
      const limit = typosAllowed(typed);
      // A short word being typed with a typo in it matches too much ("nami" would start "fami-lies").
      const toAStart = word.last && typed.length >= 5;
      if (limit > 0) directoryWords.forEachWithin(spelling(typed), limit, toAStart, (v, typos) => meet(v, 2 + typos));
    }
    return { scores, met };
  }

  /**
   * The groups a name of which the query could find, marked by their place in the directory: those with a name that
   * starts with the whole query, and those with a word that every query word met, found through the query word that
   * met the fewest.
   */
  function groupsToRank(compact: string, rows: ReadonlyArray<{ met: number[] }>): Uint8Array {
    const marked = new Uint8Array(entries.length);
    const { from, to } = runStarting(wholeNames, compact);
    for (let at = from; at < to; at++) for (const e of groupsWithWholeName[at]!) marked[e] = 1;
    const fewest = rows.reduce<{ met: number[] } | null>((a, b) => (a && a.met.length <= b.met.length ? a : b), null);
    for (const w of fewest?.met ?? []) for (const e of groupsWithWord[w]!) marked[e] = 1;
    return marked;
  }

  return {
    search(query: string): SearchHit[] {
      const folded = fold(hostOf(query) ?? query);
      const plain = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (plain.every((w) => URL_WORDS.has(w))) return [];
      const compact = plain.join('');
      const allOptional = plain.every((w) => OPTIONAL_WORDS.has(w));
      const words: QueryWord[] = plain.map((w, i) => ({
        spellings: [w, ...(SPANISH[w] ?? [])],
        optional: !allOptional && OPTIONAL_WORDS.has(w),
        last: i === plain.length - 1,
      }));
      const required = words.filter((w) => !w.optional);
      const rows = required.map(scoreWord);
      const scores = rows.map((row) => row.scores);
      const chosen = new Int32Array(scores.length);
      const toRank = groupsToRank(compact, rows);

      const hits: SearchHit[] = [];
      for (let e = 0; e < entries.length; e++) {
        if (!toRank[e]) continue;
        const { group, keys } = entries[e]!;
        let best: SearchHit | null = null;
        let current = false;
        for (const key of keys) {
          const rank = rankKey(key, compact, scores, chosen);
          if (rank === null) continue;
          if (!FORMER.has(key.kind) && rank < TYPO_RANK) current = true;
          // Of two equal spellings ("Obsessive Compulsive" and "Obsessive-Compulsive") report the one typed.
          if (!best || rank < best.rank || (rank === best.rank && key.folded === folded))
            best = { group, matchedBy: key.kind, matched: key.text, formerly: null, rank };
        }
        if (!best) continue;
        if (!current && FORMER.has(best.matchedBy)) best.formerly = best.matched;
        hits.push(best);
      }
      // Array.prototype.sort is stable: equal ranks keep the directory's order.
      hits.sort((a, b) => a.rank - b.rank);
      // Someone who typed a name or acronym exactly is not helped by near-misses ("nami" is not "fami(lies)").
      return hits[0] && hits[0].rank < PREFIX_RANK ? hits.filter((h) => h.rank < TYPO_RANK) : hits;
    },
  };
}

/** Adds a group to a word's list once: the groups are filed in the directory's order, so a repeat is the last one. */
function addOnce(list: number[], item: number): void {
  if (list[list.length - 1] !== item) list.push(item);
}

/** The list filed under `key`, made empty on first use. */
function listOf<K>(lists: Map<K, number[]>, key: K): number[] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  return list;
}

/** `chosen` is scratch space, one slot per query word: the name's word each one met (ranking allocates nothing per name). */
function rankKey(key: Key, compact: string, scores: Int32Array[], chosen: Int32Array): number | null {
  const weight = KIND_WEIGHT[key.kind];
  if (key.compact === compact || key.label === compact) return rankOf(TIER.exact, 0, 0, weight, 0);
  if (key.compact.startsWith(compact)) return rankOf(TIER.prefix, 0, 0, weight, key.compact.length - compact.length);
  if (scores.length === 0) return null;
  let typoCount = 0;
  let starts = 0;
  let anyTypo = false;
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k]!;
    let bestScore = NO_MATCH;
    let bestWord = -1;
    for (const w of key.words) {
      if (score[w]! < bestScore) {
        bestScore = score[w]!;
        bestWord = w;
      }
    }
    if (bestScore === NO_MATCH) return null;
    if (bestScore >= 2) {
      anyTypo = true;
      typoCount += bestScore - 2;
    }
    if (bestScore === 1) starts++;
    chosen[k] = bestWord;
  }
  return rankOf(anyTypo ? TIER.typos : TIER.words, typoCount, starts, weight, Math.max(0, key.size - distinct(chosen)));
}

/** How many different words of a name the query's words met: "recovery recovery" meets one. */
function distinct(chosen: Int32Array): number {
  let count = 0;
  for (let k = 0; k < chosen.length; k++) if (chosen.indexOf(chosen[k]!) === k) count++;
  return count;
}

/**
 * Tier, then typos, then whole words before word starts ("nar anon" is Nar-Anon before NArcotics ANONymous), then
 * current before former, then the least left over. Each field fits below the next.
 */
function rankOf(tier: number, typos: number, starts: number, weight: number, leftover: number): number {
  return (
    tier * 100_000_000 +
    Math.min(typos, 99) * 1_000_000 +
    Math.min(starts, 99) * 10_000 +
    weight * 1_000 +
    Math.min(leftover, 999)
  );
}

/** A pasted address searches by its host: "https://www.nar-anon.org/meetings" → "nar-anon.org". */
function hostOf(query: string): string | null {
  const m = /^\s*(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/?#]\S*)?\s*$/i.exec(query);
  return m ? m[1]! : null;
}

const PREFIX_RANK = rankOf(TIER.prefix, 0, 0, 0, 0);

/** The query spelt one of the group's names, acronyms or domains exactly. */
export function isExactHit(hit: Pick<SearchHit, 'rank'>): boolean {
  return hit.rank < PREFIX_RANK;
}
const TYPO_RANK = rankOf(TIER.typos, 0, 0, 0, 0);

let shared: GroupIndex | null = null;

/** Search the bundled directory; the index is built on the first call. */
export function searchGroups(query: string): SearchHit[] {
  shared ??= buildIndex(allGroups());
  return shared.search(query);
}
