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
import { isExactHit, isSpanishWord, searchGroups, typosAllowed, type SearchHit } from './search.ts';
import { topicIndexOf, wordsOf, type TopicIndex, type TopicPlaces } from './topic-index.ts';
import { spelling, WordList } from './typos.ts';

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

/** The typo count needs are read with (tests check it here, beside the rule). */
export { editDistance } from './typos.ts';

/** Typos forgiven in a typed need word: none below five letters ("tca" is not "tcf"), else as search.ts. */
function needTyposAllowed(typed: string): number {
  return typosAllowed(typed) && typed.length >= 5 ? typosAllowed(typed) : 0;
}

/**
 * Where `phrase` stands among the query's words not yet taken; -1 when it does not. `means[i]` holds the phrase words
 * the query's i-th word is (phraseWordsMeant), found once per query rather than once per phrase and place.
 */
function findPhrase(means: ReadonlyArray<ReadonlySet<string>>, taken: boolean[], phrase: string[]): number {
  for (let i = 0; i + phrase.length <= means.length; i++) {
    if (phrase.every((w, k) => !taken[i + k] && means[i + k]!.has(w))) return i;
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

/**
 * The phrases of a list that could stand in a query, in the list's order: those whose first word is a word of the
 * query. For most queries that is a few of the list; the others are passed over without a look. (A phrase of no
 * words would stand anywhere: it is filed under "", which every query asks for.)
 */
function byFirstWord<P extends { words: string[] }>(phrases: readonly P[]): (meant: ReadonlySet<string>) => P[] {
  const placesOf = new Map<string, number[]>();
  for (const [i, phrase] of phrases.entries()) {
    const first = phrase.words[0] ?? '';
    placesOf.set(first, [...(placesOf.get(first) ?? []), i]);
  }
  return (meant) =>
    ['', ...meant]
      .flatMap((word) => placesOf.get(word) ?? [])
      .sort((a, b) => a - b)
      .map((i) => phrases[i]!);
}
const needPhrasesIn = byFirstWord(PHRASES);
const kindPhrasesIn = byFirstWord(KIND_PHRASES);

/** Every word of the phrases above, each once. */
const PHRASE_WORDS = new WordList([...new Set([...PHRASES, ...KIND_PHRASES].flatMap((p) => p.words))]);

/** The phrase words a typed word is: itself, or one within its typos ("bereavment"). */
function phraseWordsMeant(typed: string): Set<string> {
  const meant = new Set<string>();
  if (PHRASE_WORDS.has(typed)) meant.add(typed);
  const limit = needTyposAllowed(typed);
  if (limit > 0)
    PHRASE_WORDS.forEachWithin(spelling(typed), limit, false, (id) => meant.add(PHRASE_WORDS.words[id]!.text));
  return meant;
}

/** What a query asks for: the needs its words name, the kinds of group, and whether it is Spanish. */
export function readQuery(query: string): ReadQuery {
  const tokens = wordsOf(query);
  const means = tokens.map(phraseWordsMeant);
  const meantAnywhere = new Set(means.flatMap((m) => [...m]));
  const taken = tokens.map(() => false);
  const needs: AskedNeed[] = [];
  const kinds: GroupKind[] = [];
  let spanish = tokens.some(isSpanishWord);
  for (const { words, need, spanish: isSpanish } of needPhrasesIn(meantAnywhere)) {
    const at = findPhrase(means, taken, words);
    if (at === -1) continue;
    for (let k = 0; k < words.length; k++) taken[at + k] = true;
    if (!needs.some((n) => n.mean === need.mean))
      needs.push({ mean: need.mean, ...(need.kind ? { kind: need.kind } : {}) });
    // The need's own kind is asked for too: "grief" also brings the grief groups no topic word names.
    if (need.kind && !kinds.includes(need.kind)) kinds.push(need.kind);
    if (isSpanish) spanish = true;
  }
  const named: Array<{ kind: GroupKind; at: number }> = [];
  for (const { words, kind } of kindPhrasesIn(meantAnywhere)) {
    const at = findPhrase(means, taken, words);
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
 * How closely each record's topics answer one need: the index of the closest topic word matched, and where that topic
 * stands among the record's own (its main topic first); -1 where none answers. A word of the query read as a topic
 * word itself is answered by a topic word it starts, or is a typo of.
 */
function answers(index: TopicIndex, need: AskedNeed): { meaning: Int32Array; topic: TopicPlaces } {
  if (need.bare) {
    const typed = wordsOf(need.mean[0]!)[0]!;
    const answering = new Set<number>();
    index.words.forEachStarting(typed, (id) => answering.add(id));
    const limit = needTyposAllowed(typed);
    if (limit > 0) index.words.forEachWithin(spelling(typed), limit, false, (id) => answering.add(id));
    const topic = index.withAnyOf(answering);
    return { meaning: topic.map((at) => (at === -1 ? -1 : 0)), topic };
  }
  const meaning = new Int32Array(index.groups).fill(-1);
  const topic = new Int32Array(index.groups).fill(-1);
  // The closest meaning a record holds wins: it is the first one found.
  need.mean.forEach((mean, m) => {
    index.holding(mean).forEach((at, g) => {
      if (at === -1 || meaning[g] !== -1) return;
      meaning[g] = m;
      topic[g] = at;
    });
  });
  return { meaning, topic };
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
  const index = topicIndexOf(groups);
  const answered = needs.map((need) => ({ need, ...answers(index, need) }));
  groups.forEach((group, order) => {
    if (skip.has(group) || group.topics.length === 0) return;
    let matched = 0;
    let ownKind = 0;
    let closeness = 0;
    let standing = 0;
    let topic = '';
    for (const { need, meaning, topic: place } of answered) {
      const at = place[order]!;
      if (at === -1) continue;
      matched++;
      closeness += meaning[order]!;
      standing += at;
      if (need.kind && group.kinds.includes(need.kind)) ownKind++;
      topic ||= group.topics[at]!;
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

/** How many of the kinds asked for the group is. */
function kindsFitted(group: Group, kinds: readonly GroupKind[]): number {
  let fit = 0;
  for (const kind of kinds) if (group.kinds.includes(kind)) fit++;
  return fit;
}

/** Where the first kind asked for that the group is stands among those asked. */
function firstKindAsked(group: Group, kinds: readonly GroupKind[]): number {
  let first = Infinity;
  for (const kind of group.kinds) {
    const at = kinds.indexOf(kind);
    if (at !== -1 && at < first) first = at;
  }
  return first;
}

function kindHits(groups: readonly Group[], kinds: GroupKind[], skip: Set<Group>): SearchHit[] {
  if (kinds.length === 0) return [];
  const fitted: Array<{ group: Group; fit: number; first: number; order: number }> = [];
  for (const group of groups) {
    if (skip.has(group)) continue;
    const fit = kindsFitted(group, kinds);
    if (fit > 0) fitted.push({ group, fit, first: firstKindAsked(group, kinds), order: fitted.length });
  }
  return fitted
    .sort((a, b) => b.fit - a.fit || a.first - b.first || a.order - b.order)
    .map(({ group }, i) => ({
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
