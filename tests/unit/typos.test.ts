/**
 * The typo count's shortcuts (src/directory/typos.ts) never lose a true match: the length window, the two letter
 * counts, the band of the alignment table and the alphabetical run each skip work, and each is checked here against
 * the plain table with every cell filled, over the directory's own words and typos of them.
 */
import { describe, expect, it } from 'vitest';
import { allGroups } from '../../src/directory/groups.ts';
import { KIND_WORDS, NEEDS } from '../../src/directory/needs.ts';
import { fold, typosAllowed } from '../../src/directory/search.ts';
import { editDistance, lettersLacking, spelling, typos, WordList } from '../../src/directory/typos.ts';

/**
 * Optimal string alignment with every cell filled, no shortcut taken: the last row, typos from all of `typed` to each
 * start of `word` (the whole word last).
 */
function plainLastRow(typed: string, word: string): number[] {
  let before: number[] = [];
  let previous = Array.from({ length: word.length + 1 }, (_, j) => j);
  for (let i = 1; i <= typed.length; i++) {
    const current = [i];
    for (let j = 1; j <= word.length; j++) {
      let d = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (typed[i - 1] === word[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    [before, previous] = [previous, current];
  }
  return previous;
}

/** What `typos` must say, read off the plain table: to the whole word, or to its closest start of enough letters. */
function plainTypos(last: number[], typed: string, limit: number, toAStart: boolean): number {
  const n = toAStart ? Math.min(...last.slice(Math.max(0, typed.length - limit))) : last.at(-1)!;
  return n <= limit ? n : Infinity;
}

const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}+]+/u)
    .filter(Boolean);
const groups = allGroups();
/** The directory's words: of names, acronyms, former names, topics, and the needs' and kinds' phrases. */
const DIRECTORY = [
  ...new Set([
    ...groups.flatMap((g) => [g.name, ...g.acronyms, ...g.formerNames, ...g.topics].flatMap(words)),
    ...NEEDS.flatMap((n) => [...n.say, ...(n.spanish ?? []), ...n.mean].flatMap(words)),
    ...Object.values(KIND_WORDS).flat().flatMap(words),
  ]),
].sort();

const SPELLED = new Map(DIRECTORY.map((w) => [w, spelling(w)]));

/** Typos of a word a hurried typist makes: each neighbour swap, each letter dropped, changed or doubled. */
function typosOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    out.add(word.slice(0, i) + 'x' + word.slice(i + 1));
    out.add(word.slice(0, i) + word[i] + word.slice(i));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  // Two typos, for the long words that forgive two: the first and last neighbours swapped.
  if (word.length >= 9) out.add(word[1]! + word[0] + word.slice(2, -2) + word.at(-1) + word.at(-2));
  return [...out];
}

/** Each directory word of four letters or more, with its typos and the typos of its start (a word still being typed). */
const TYPOS = DIRECTORY.filter((w) => w.length >= 4).flatMap((word) =>
  [...new Set([...typosOf(word), ...typosOf(word.slice(0, Math.ceil(word.length * 0.7))), word.slice(0, 5)])]
    .filter((typed) => typed.length >= 4)
    .map((typed) => ({ word, typed })),
);
const TYPED = [...new Set(TYPOS.map(({ typed }) => typed))];

describe('the typo count', () => {
  /** Where `typos` differs from the plain table, at every limit, for the whole word and for its closest start. */
  function disagreements(typed: string, word: string): string[] {
    const last = plainLastRow(typed, word);
    return [0, 1, 2].flatMap((limit) =>
      [false, true].flatMap((toAStart) => {
        const expected = plainTypos(last, typed, limit, toAStart);
        const found = typos(spelling(typed), SPELLED.get(word)!, limit, toAStart);
        return found === expected ? [] : [`${typed} ~ ${word} (limit ${limit}, to a start: ${toAStart}): ${found}`];
      }),
    );
  }

  it('agrees with the plain table on each typo of each directory word', () => {
    expect(TYPOS.length).toBeGreaterThan(10_000);
    expect(TYPOS.flatMap(({ typed, word }) => disagreements(typed, word))).toEqual([]);
  });

  it('agrees with the plain table on words far apart', () => {
    // One typed word in 200 against every directory word: nearly all far off, a few near.
    expect(
      TYPED.filter((_, i) => i % 200 === 0).flatMap((typed) => DIRECTORY.flatMap((word) => disagreements(typed, word))),
    ).toEqual([]);
  });

  it('counts a swap of neighbours as one typo, and says Infinity above the limit', () => {
    expect(editDistance('nmai', 'nami', 1)).toBe(1);
    expect(editDistance('alcoholics', 'anonymous', 2)).toBe(Infinity);
    expect(editDistance('', 'aa', 2)).toBe(2);
  });

  it('counts the typed letters a word lacks, with repeats: each typo supplies one at most', () => {
    expect(lettersLacking(spelling('alcoholics'), spelling('anonymous'), 99)).toBe(6);
    expect(lettersLacking(spelling('recvoery'), spelling('recovery'), 99)).toBe(0);
    expect(lettersLacking(spelling('bereavment'), spelling('bereavement'), 99)).toBe(0);
    expect(lettersLacking(spelling('bereavement'), spelling('bereavment'), 99)).toBe(1);
  });
});

describe('finding the directory words a typed word could be', () => {
  const list = new WordList(DIRECTORY);

  it.each([false, true])('misses no word within the typos allowed (to a start: %s)', (toAStart) => {
    const wrong: string[] = [];
    for (const typed of TYPED) {
      const limit = Math.max(1, typosAllowed(typed));
      const counted = spelling(typed);
      const found: Array<[number, number]> = [];
      list.forEachWithin(counted, limit, toAStart, (id, n) => found.push([id, n]));
      const expected: Array<[number, number]> = [];
      list.words.forEach((word, id) => {
        const n = typos(counted, word, limit, toAStart);
        if (n !== Infinity) expected.push([id, n]);
      });
      const seen = found.sort((a, b) => a[0] - b[0]).join(' ');
      if (seen !== expected.join(' ')) wrong.push(`${typed}: ${seen} ≠ ${expected.join(' ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('finds every word a typed start begins, and only those', () => {
    for (const start of [...new Set(DIRECTORY.flatMap((w) => [w.slice(0, 1), w.slice(0, 3), w]))]) {
      const found: string[] = [];
      list.forEachStarting(start, (id) => found.push(list.words[id]!.text));
      expect(found.sort(), start).toEqual(DIRECTORY.filter((w) => w.startsWith(start)));
    }
  });
});
