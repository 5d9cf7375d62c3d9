/**
 * Step 4 of the popup's ranking rule (written in full in find.ts): a search that names a crisis ("suicide",
 * "crisis", "988", "domestic violence", "rape", "poison", in English or Spanish) shows the lines that answer it
 * first, whatever else the words find: a clinician typing "suicide" in front of a person needs the number before
 * the support groups. Which lines answer which crisis is each record's `crisisTopics`.
 */
import type { CrisisTopic, Group } from './group.ts';
import { allGroups } from './groups.ts';
import { byNeed } from './find.ts';
import { searchGroups, type SearchHit } from './search.ts';

/**
 * The line for any crisis: 988 takes calls, texts and chats for suicide, mental health and substance use crises,
 * with Spanish and ASL routes, so it leads every suicide or crisis search that names no narrower line.
 */
export const GENERAL_LINE = '988-lifeline';

/**
 * The words that name each crisis, matched on the query with accents and case folded. "crisis" and "988" ask for
 * every crisis line; the others for the lines of that crisis first, then the general ones.
 */
const TOPIC_WORDS: ReadonlyArray<[CrisisTopic, RegExp]> = [
  [
    'suicide',
    /\b(suicid\w*|kill (my|him|her|them)sel(f|ves)|want(ing)? to die|self[- ]?harm|quitarme la vida|autolesi\w*)\b/,
  ],
  [
    'domestic-violence',
    /\b(domestic (violence|abuse)|intimate partner( violence)?|partner abuse|dating (violence|abuse)|dv|ipv|violencia (domestica|intrafamiliar|de pareja|en el noviazgo)|maltrato(?! infantil))\b/,
  ],
  ['sexual-assault', /\b(sexual (assault|abuse|violence)|rape|raped|agresion sexual|abuso sexual|violacion)\b/],
  ['poisoning', /\b(poison\w*|overdos\w*|envenenamiento|intoxicacion|sobredosis|veneno)\b/],
  ['crisis', /\b(crisis|988|crisis line|linea de crisis|emergencia emocional|emotional emergency)\b/],
];

/** The same words, matched everywhere in the query, to take them out of it. */
const TOPIC_WORDS_EVERYWHERE = TOPIC_WORDS.map(([, words]) => new RegExp(words.source, 'g'));

/** Lower case, accents off ("violación" → "violacion"), so the patterns need no accented forms. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The crisis a query names, the most specific first; null when it names none. */
export function crisisTopic(query: string): CrisisTopic | null {
  const q = fold(query);
  for (const [topic, words] of TOPIC_WORDS) if (words.test(q)) return topic;
  return null;
}

/**
 * Words that name no particular line ("crisis line", "línea de ayuda"): left with only these, a query names the
 * crisis alone, and 988 leads.
 */
const ANY_LINE = new Set([
  'line',
  'lines',
  'hotline',
  'helpline',
  'lifeline',
  'number',
  'phone',
  'call',
  'chat',
  'help',
  'support',
  'now',
  'national',
  'us',
  'usa',
  'linea',
  'telefono',
  'numero',
  'ayuda',
  'apoyo',
  'nacional',
  'llamar',
]);

/** The query without its crisis words and without words that name no line: what could name a narrower one. */
function otherWords(query: string): string {
  let rest = fold(query);
  for (const words of TOPIC_WORDS_EVERYWHERE) rest = rest.replace(words, ' ');
  return rest
    .split(/[^\p{L}\p{N}+]+/u)
    .filter((w) => w.length >= 2 && !ANY_LINE.has(w))
    .join(' ');
}

/**
 * The search's hits with the lines for the query's crisis first (step 4 of find.ts's rule). `narrower` is the
 * search's answer for the query's other words ("veterans" of "veterans crisis"): a line among it is named, and
 * leads. A query naming no crisis gets its hits unchanged.
 */
export function crisisFirst(
  query: string,
  hits: readonly SearchHit[],
  groups: readonly Group[],
  narrower: readonly SearchHit[] = [],
): SearchHit[] {
  const topic = crisisTopic(query);
  if (topic === null) return [...hits];
  const answering = (g: Group, t: CrisisTopic) => g.crisisTopics.includes(t);
  const isLine = (g: Group) => g.crisisTopics.length > 0;
  // Within each band, the lines the words themselves found come first, in the search's order ("veterans suicide"
  // puts the Veterans Crisis Line before the 988 Lifeline); then the rest, in the directory's order.
  const found = (g: Group) => {
    const i = hits.findIndex((h) => h.group === g);
    return i === -1 ? hits.length : i;
  };
  const band = (pick: (g: Group) => boolean) => groups.filter(pick).sort((a, b) => found(a) - found(b));
  const lines = [
    ...band((g) => topic !== 'crisis' && answering(g, topic)),
    ...band((g) => answering(g, 'crisis') && (topic === 'crisis' || !answering(g, topic))),
  ];
  const general = topic === 'suicide' || topic === 'crisis';
  if (general) {
    // 988 leads, unless the other words name a narrower line: that line first, 988 right after.
    const named = narrower.map((h) => h.group).filter((g) => isLine(g) && g.id !== GENERAL_LINE);
    const lead = [...named, ...groups.filter((g) => g.id === GENERAL_LINE)];
    lines.splice(0, lines.length, ...lead, ...lines.filter((g) => !lead.includes(g)));
  }
  const first = lines.map(
    (group): SearchHit =>
      hits.find((h) => h.group === group) ?? {
        group,
        matchedBy: 'name',
        matched: group.name,
        formerly: null,
        rank: -1,
      },
  );
  // A query that spells out one organisation's name ("American Foundation for Suicide Prevention") asks for that
  // organisation: its card stays first, the lines come right after it.
  const asked = hits[0] && namesOneOrganisation(query) && !lines.includes(hits[0].group) ? [hits[0]] : [];
  return [...asked, ...first, ...hits.filter((h) => !lines.includes(h.group) && !asked.includes(h))];
}

/**
 * Whether the query, once its crisis words are taken out, still has three words of four letters or more: every hit
 * of the search matches all of a query's words in one name, so such a query is a name being typed, not a person
 * describing a crisis ("suicide support group" leaves two and gets the lines first).
 */
function namesOneOrganisation(query: string): boolean {
  let rest = fold(query);
  for (const words of TOPIC_WORDS_EVERYWHERE) rest = rest.replace(words, ' ');
  return rest.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4).length >= 3;
}

/** The popup's search, the whole rule of find.ts: names, topics, kinds, and the lines for a named crisis first. */
export function searchWithCrisisFirst(query: string): SearchHit[] {
  const groups = allGroups();
  const hits = byNeed(query, searchGroups(query), groups);
  const rest = crisisTopic(query) === null ? '' : otherWords(query);
  const narrower = rest ? byNeed(rest, searchGroups(rest), groups).filter((h) => h.matchedBy !== 'kind') : [];
  return crisisFirst(query, hits, groups, narrower);
}
