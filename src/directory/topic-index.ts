/**
 * The directory's topics, read once per list of groups, for step 2 of the popup's ranking rule (find.ts): which
 * record's topics hold a need's words, answered for every record at once. The popup asks on every keystroke; the
 * topics do not change between keystrokes, so their words are split once and each need's answer is kept.
 */
import type { Group } from './group.ts';
import { fold } from './search.ts';
import { WordList } from './typos.ts';

/** The folded words of a topic, a need or a query, a "+" kept ("lgbtq+"). */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}+]+/u)
    .filter(Boolean);
}

/** For each group, in the list's order: the index of its first topic that answers, or -1. */
export type TopicPlaces = Int32Array;

export interface TopicIndex {
  /** How many groups the list holds. */
  readonly groups: number;
  /** Where each group's topics hold every word of `meaning` (a need's topic words: "eating disorders"). */
  holding(meaning: string): TopicPlaces;
  /** Every topic word of the list, each once. */
  readonly words: WordList;
  /** Where each group's topics have one of these words (ids in `words`). */
  withAnyOf(words: ReadonlySet<number>): TopicPlaces;
}

const indexes = new WeakMap<readonly Group[], TopicIndex>();

/** The index of a list of groups, built on first use (a test may hand in its own list). */
export function topicIndexOf(groups: readonly Group[]): TopicIndex {
  let index = indexes.get(groups);
  if (!index) indexes.set(groups, (index = buildTopicIndex(groups)));
  return index;
}

function buildTopicIndex(groups: readonly Group[]): TopicIndex {
  const topicWords = groups.map((g) => g.topics.map(wordsOf));
  const words = new WordList([...new Set(topicWords.flat(2))]);
  // Where each topic word stands, as pairs of (group, topic): a typed word meets a few topic words, not every topic.
  const placesOfWord = words.words.map((): number[] => []);
  topicWords.forEach((topics, g) =>
    topics.forEach((topic, t) => {
      for (const w of new Set(topic)) placesOfWord[words.idOf(w)!]!.push(g, t);
    }),
  );
  // Needs' meanings are a few dozen fixed texts: each one's places are kept.
  const held = new Map<string, TopicPlaces>();
  return {
    groups: groups.length,
    holding(meaning) {
      let places = held.get(meaning);
      if (!places) {
        const meant = wordsOf(meaning);
        places = Int32Array.from(topicWords, (topics) => topics.findIndex((t) => meant.every((w) => t.includes(w))));
        held.set(meaning, places);
      }
      return places;
    },
    words,
    withAnyOf(answering) {
      const places = new Int32Array(groups.length).fill(-1);
      for (const id of answering) {
        const pairs = placesOfWord[id]!;
        for (let k = 0; k < pairs.length; k += 2) {
          const [g, t] = [pairs[k]!, pairs[k + 1]!];
          // The group's first such topic: its main topic first.
          if (places[g] === -1 || t < places[g]!) places[g] = t;
        }
      }
      return places;
    },
  };
}
