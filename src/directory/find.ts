/**
 * The popup's search: a clinician types a name or a need, in English or Spanish, and the right organisations come
 * first. This comment is the ranking rule, the one place it is written; tests/unit/search.test.ts (the clinicians'
 * query table) and tests/unit/crisis.test.ts hold it.
 *
 *  1. Names. Records whose name, acronym, former name or domain the query spells come first, as search.ts ranks
 *     them (the whole name, a start, every word, then with typos). A query that spells a name or acronym exactly
 *     ("nami", "988") asks for that record: nothing is added after it but the crisis lines of step 4. A domain's
 *     label typed whole ("ca" of ca.org, "postpartum" of postpartum.net) leads, but the steps below still follow.
 *  2. Topics. Then records whose cited topics answer a need the query names. needs.ts reads "PPD", "duelo",
 *     "trastorno alimentario", "IPV" as the topic words records use; any other word of four letters or more is
 *     read as a topic word itself ("cancer", "heroin"); a typo is forgiven in words of five letters or more. More
 *     needs answered first; then the records of the need's own kind (the grief groups for "bereavement"); then the
 *     closer topic word (for "opioid", the treatment line before the fellowships); then the record whose own main
 *     topic it is ("anxiety": ADAA before a postpartum line); then the directory's order.
 *  3. Kinds. Then records of a kind the query names ("addiction", "familia", "helpline"): those of more of the kinds
 *     named first, then those of the kind named first ("familia adicto": the family groups), then the directory's order.
 *  4. Crisis lines first (crisis.ts). A query naming a crisis puts the lines answering it before all of the above:
 *     for suicide or any crisis the 988 Lifeline first, unless the query's other words name a narrower line
 *     ("veterans crisis", "trans suicide", "crisis text", "lgbtq suicide"), which comes first with 988 right after;
 *     for domestic violence, sexual assault or poisoning, that crisis's own lines, then the general ones.
 */
import type { Group, GroupKind } from './group.ts';
import { allGroups } from './groups.ts';
import { KIND_WORDS, NEEDS } from './needs.ts';
import { fold, isExactHit, isSpanishWord, searchGroups, typosAllowed, type SearchHit } from './search.ts';

const DOMAINS = new Set<SearchHit['matchedBy']>(['website', 'otherDomain', 'formerDomain']);

/** A need read from the query: the topic words that answer it, closest first. */
interface AskedNeed {
  mean: readonly string[];
  kind?: GroupKind;
  /** A word of the query read as a topic word itself: it may be the start of a topic word, or a typo of one. */
  bare?: boolean;
}

export interface ReadQuery {
  needs: AskedNeed[];
  kinds: GroupKind[];
  /** The query is in Spanish (its words are Spanish vocabulary): Spanish routes are shown first. */
  spanish: boolean;
}

/** Words that say nothing about a need ("support group for", "línea de"): never read as topics. */
const FILLER = new Set([
  'the',
  'and',
  'for',
  'with',
  'who',
  'from',
  'about',
  'support',
  'group',
  'groups',
  'help',
  'line',
  'lines',
  'number',
  'phone',
  'national',
  'anonymous',
  'meeting',
  'meetings',
  'para',
  'con',
  'los',
  'las',
  'una',
  'apoyo',
  'grupo',
  'grupos',
  'ayuda',
  'linea',
  'numero',
  'telefono',
  'nacional',
  'anonimos',
]);

/** Folded words, kept per text: topics and meanings are read on every keystroke, and there are a few hundred. */
const wordsCache = new Map<string, string[]>();
function wordsOf(text: string): string[] {
  let words = wordsCache.get(text);
  if (!words) {
    words = fold(text)
      .split(/[^\p{L}\p{N}+]+/u)
      .filter(Boolean);
    if (wordsCache.size < 5_000) wordsCache.set(text, words);
  }
  return words;
}

/** Optimal-string-alignment distance, or Infinity above `limit` (the vocabulary is small: no tables kept). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return Infinity;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= limit ? previous[b.length]! : Infinity;
}

/** A typed word is a vocabulary word, or one typo away from it when long enough to tell ("bereavment"). */
function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  const limit = typosAllowed(typed) && typed.length >= 5 ? typosAllowed(typed) : 0;
  return limit > 0 && editDistance(typed, word, limit) <= limit;
}

/** Where `phrase` (folded words) stands in `tokens` among the words not yet taken; -1 when it does not. */
function findPhrase(tokens: string[], taken: boolean[], phrase: string[]): number {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((w, k) => !taken[i + k] && sameWord(tokens[i + k]!, w))) return i;
  }
  return -1;
}

const PHRASES = [
  ...NEEDS.flatMap((need) =>
    [...need.say, ...(need.spanish ?? [])].map((say) => ({
      words: wordsOf(say),
      need,
      spanish: need.spanish?.includes(say) ?? false,
    })),
  ),
]
  // The longest phrase first: "domestic violence" is read before "violence" could be.
  .sort((a, b) => b.words.length - a.words.length);

const KIND_PHRASES = (Object.entries(KIND_WORDS) as Array<[GroupKind, readonly string[]]>)
  .flatMap(([kind, says]) => says.map((say) => ({ words: wordsOf(say), kind, spanish: false })))
  .sort((a, b) => b.words.length - a.words.length);

/** What a query asks for: the needs its words name, the kinds of group, and whether it is Spanish. */
export function readQuery(query: string): ReadQuery {
  const tokens = wordsOf(query);
  const taken = tokens.map(() => false);
  const needs: AskedNeed[] = [];
  const kinds: GroupKind[] = [];
  let spanish = tokens.some(isSpanishWord);
  for (const { words, need, spanish: isSpanish } of PHRASES) {
    const at = findPhrase(tokens, taken, words);
    if (at === -1) continue;
    for (let k = 0; k < words.length; k++) taken[at + k] = true;
    if (!needs.some((n) => n.mean === need.mean))
      needs.push({ mean: need.mean, ...(need.kind ? { kind: need.kind } : {}) });
    // The need's own kind is asked for too: "grief" also brings the grief groups no topic word names.
    if (need.kind && !kinds.includes(need.kind)) kinds.push(need.kind);
    if (isSpanish) spanish = true;
  }
  const named: Array<{ kind: GroupKind; at: number }> = [];
  for (const { words, kind } of KIND_PHRASES) {
    const at = findPhrase(tokens, taken, words);
    if (at === -1) continue;
    for (let k = 0; k < words.length; k++) taken[at + k] = true;
    named.push({ kind, at });
  }
  // In the order the query names them: "familia adicto" asks for families first.
  for (const { kind } of named.sort((a, b) => a.at - b.at)) if (!kinds.includes(kind)) kinds.push(kind);
  tokens.forEach((token, i) => {
    if (!taken[i] && token.length >= 4 && !FILLER.has(token) && !/^\d+$/.test(token))
      needs.push({ mean: [token], bare: true });
  });
  return { needs, kinds, spanish };
}

/**
 * How closely a record's topics answer one need: the index of the closest topic word matched, and where that topic
 * stands among the record's own (its main topic first); null when none answers.
 */
function answers(topicWords: string[][], need: AskedNeed): { meaning: number; topic: number } | null {
  for (let m = 0; m < need.mean.length; m++) {
    const meaning = wordsOf(need.mean[m]!);
    const topic = topicWords.findIndex((topic) =>
      need.bare
        ? topic.some((w) => w.startsWith(meaning[0]!) || sameWord(meaning[0]!, w))
        : meaning.every((w) => topic.includes(w)),
    );
    if (topic !== -1) return { meaning: m, topic };
  }
  return null;
}

interface Candidate {
  group: Group;
  order: number;
  matched: number;
  ownKind: number;
  closeness: number;
  /** Where the matched topics stand among the record's own: "anxiety" is ADAA's first, a postpartum line's third. */
  standing: number;
  topic: string;
}

function topicHits(groups: readonly Group[], needs: AskedNeed[], skip: Set<Group>): SearchHit[] {
  if (needs.length === 0) return [];
  const found: Candidate[] = [];
  groups.forEach((group, order) => {
    if (skip.has(group) || group.topics.length === 0) return;
    const topicWords = group.topics.map(wordsOf);
    let matched = 0;
    let ownKind = 0;
    let closeness = 0;
    let standing = 0;
    let topic = '';
    for (const need of needs) {
      const at = answers(topicWords, need);
      if (at === null) continue;
      matched++;
      closeness += at.meaning;
      standing += at.topic;
      if (need.kind && group.kinds.includes(need.kind)) ownKind++;
      topic ||= group.topics[at.topic]!;
    }
    if (matched) found.push({ group, order, matched, ownKind, closeness, standing, topic });
  });
  found.sort(
    (a, b) =>
      b.matched - a.matched ||
      b.ownKind - a.ownKind ||
      a.closeness - b.closeness ||
      a.standing - b.standing ||
      a.order - b.order,
  );
  return found.map((c, i) => ({ group: c.group, matchedBy: 'topic', matched: c.topic, formerly: null, rank: 1e9 + i }));
}

function kindHits(groups: readonly Group[], kinds: GroupKind[], skip: Set<Group>): SearchHit[] {
  if (kinds.length === 0) return [];
  const fit = (g: Group) => kinds.filter((k) => g.kinds.includes(k)).length;
  const first = (g: Group) => Math.min(...g.kinds.map((k) => (kinds.includes(k) ? kinds.indexOf(k) : Infinity)));
  return groups
    .filter((g) => !skip.has(g) && fit(g) > 0)
    .map((g, order) => ({ g, order }))
    .sort((a, b) => fit(b.g) - fit(a.g) || first(a.g) - first(b.g) || a.order - b.order)
    .map(({ g: group }, i) => ({
      group,
      matchedBy: 'kind',
      matched: group.kinds.find((k) => kinds.includes(k))!,
      formerly: null,
      rank: 2e9 + i,
    }));
}

/**
 * Steps 1 to 3 of the rule: names, then topics, then kinds. `names` is search.ts's answer for the query (passed in
 * so a test can hand in its own directory).
 */
export function byNeed(query: string, names: readonly SearchHit[], groups: readonly Group[]): SearchHit[] {
  // A domain's label typed whole ("postpartum" of postpartum.net) is an ordinary word too: only a name asks alone.
  if (names[0] && isExactHit(names[0]) && !DOMAINS.has(names[0].matchedBy)) return [...names];
  const { needs, kinds } = readQuery(query);
  const seen = new Set(names.map((h) => h.group));
  const topics = topicHits(groups, needs, seen);
  for (const h of topics) seen.add(h.group);
  return [...names, ...topics, ...kindHits(groups, kinds, seen)];
}

/** The directory's records for a query, by name or need, without the crisis step (crisis.ts adds it). */
export function findByNeed(query: string): SearchHit[] {
  return byNeed(query, searchGroups(query), allGroups());
}

/** Whether the query is written in Spanish: the popup then puts Spanish routes first, whatever the browser's language. */
export function queryIsSpanish(query: string): boolean {
  return readQuery(query).spanish;
}
