/**
 * How many typos stand between a typed word and a directory word, for the popup's search: names (search.ts) and
 * needs (find.ts) forgive one or two per word. Typos are counted as optimal string alignment: a letter added, dropped
 * or changed, or two neighbours swapped ("nmai" ~ "nami"), is one.
 *
 * Each keystroke meets every typed word with a few hundred directory words, and nearly all of them are far off. So
 * before the alignment table is filled, a count of letters proves most of them too far: a typo puts at most one letter
 * the directory word lacks into the typed word (an added or changed letter; a dropped or swapped one puts in none),
 * so a typed word with more such letters than the typos allowed cannot be within them, nor within them of any start
 * of the directory word, whose letters are fewer still.
 */

/** A folded word with its letters counted, made once and compared with many. */
export interface Spelling {
  readonly text: string;
  /** How many of each letter, by `bucketOf`. */
  readonly counts: Int32Array;
  /** The buckets the word uses, each once. */
  readonly buckets: readonly number[];
  /** The same, as one bit per bucket: the first, cheapest proof. */
  readonly letters: number;
}

/**
 * Letters are counted in 32 buckets by their code's last five bits: a to z each have their own; digits, '+' and
 * letters beyond z share one with a letter. Sharing can only make the count of missing letters smaller (two letters
 * missing as one), so the proof stays sound, just less often conclusive for such words.
 */
function bucketOf(code: number): number {
  return code & 31;
}

export function spelling(text: string): Spelling {
  const counts = new Int32Array(32);
  const buckets: number[] = [];
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const b = bucketOf(text.charCodeAt(i));
    if (counts[b]!++ === 0) buckets.push(b);
    letters |= 1 << b;
  }
  return { text, counts, buckets, letters };
}

/**
 * How many of the typed word's letters `word` lacks, counted with repeats ("alcoholics" in "anonymous": l, l, c, c,
 * h, i = 6), stopping once above `limit`: each typo supplies at most one, so this many typos at least.
 */
export function lettersLacking(typed: Spelling, word: Spelling, limit: number): number {
  let lacking = 0;
  for (const b of typed.buckets) {
    const short = typed.counts[b]! - word.counts[b]!;
    if (short > 0 && (lacking += short) > limit) return lacking;
  }
  return lacking;
}

/** How many set bits (the kinds of letter typed that the word has none of): a floor under `lettersLacking`. */
function bitsSet(bits: number): number {
  // The usual count by halves, without a branch: it runs for every word within reach of every typed word.
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Whether `word` lacks more of the typed letters than `limit` typos could supply: the cheap count first. */
function lacks(typed: Spelling, word: Spelling, limit: number): boolean {
  return bitsSet(typed.letters & ~word.letters) > limit || lettersLacking(typed, word, limit) > limit;
}

/** Scratch rows of the alignment table, grown to the longest directory word seen: the search allocates nothing per word. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Typos from `typed` to the whole of `word`, or, for a word still being typed (`toAStart`), to its closest start of at
 * least `typed.length - limit` letters; Infinity when above `limit`.
 */
export function typos(typed: Spelling, word: Spelling, limit: number, toAStart = false): number {
  const q = typed.text;
  const t = word.text;
  const n = t.length;
  // Each typo changes the length by one at most.
  if (toAStart ? n < q.length - limit : Math.abs(q.length - n) > limit) return Infinity;
  if (lacks(typed, word, limit)) return Infinity;
  // The other way round too, for the whole word: each typo drops or changes at most one of its letters.
  if (!toAStart && lacks(word, typed, limit)) return Infinity;
  return aligned(q, t, limit, toAStart);
}

/**
 * The alignment table itself, for the few words no letter count could rule out. Only the band of cells within `limit`
 * of the diagonal is filled: a cell further off is at least that many typos (the lengths of the two starts differ by
 * that much), so no alignment within the limit passes through it, and it is read as `limit + 1`.
 */
function aligned(q: string, t: string, limit: number, toAStart: boolean): number {
  const n = t.length;
  const outside = limit + 1;
  if (rows[0].length < n + 2) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= q.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(n, i + limit);
    current[from - 1] = from === 1 ? i : outside;
    let rowMin = from === 1 ? i : outside;
    const qc = q.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const tc = t.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (qc === tc ? 0 : 1));
      if (i > 1 && j > 1 && qc === t.charCodeAt(j - 2) && q.charCodeAt(i - 2) === tc)
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // The next row reads one cell past the band.
    current[to + 1] = outside;
    // No cell of a later row can come back under the limit.
    if (rowMin > limit) return Infinity;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  // `previous` now holds the last row: typos from all of `typed` to each start of `word` in the band.
  const last = q.length;
  let best = n <= last + limit ? previous[n]! : outside;
  if (toAStart)
    for (let j = Math.max(0, last - limit); j < Math.min(n, last + limit + 1); j++) best = Math.min(best, previous[j]!);
  return best <= limit ? best : Infinity;
}

/** Typos between two words, or Infinity above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  return typos(spelling(a), spelling(b), limit);
}

/**
 * Directory words, ready to be met by typed words without comparing each typed word with all of them: by length
 * (one typo changes the length by one at most, so the words within reach are one run), and in alphabetical order
 * (the words a typed word starts are one run, found by halving). A word's id is its place in the list given.
 */
export class WordList {
  readonly words: readonly Spelling[];
  private readonly ids: Map<string, number>;
  /** Ids, shortest word first. */
  private readonly byLength: Int32Array;
  /** Where the words of each length or more begin in `byLength`. */
  private readonly fromLength: Int32Array;
  /** Each word's `letters`, in the order of `byLength`. */
  private readonly lettersByLength: Int32Array;
  /** Ids, in code-unit order (the order `startsWith` reads), and their words in that order. */
  private readonly alphabetical: Int32Array;
  private readonly alphabeticalTexts: string[];

  constructor(texts: readonly string[]) {
    this.words = texts.map(spelling);
    this.ids = new Map(texts.map((text, id) => [text, id]));
    const ids = texts.map((_, id) => id);
    this.byLength = Int32Array.from(ids.sort((a, b) => texts[a]!.length - texts[b]!.length));
    const longest = texts.reduce((most, t) => Math.max(most, t.length), 0);
    this.fromLength = new Int32Array(longest + 2);
    for (let length = 0, at = 0; length <= longest + 1; length++) {
      while (at < texts.length && texts[this.byLength[at]!]!.length < length) at++;
      this.fromLength[length] = at;
    }
    this.lettersByLength = this.byLength.map((id) => this.words[id]!.letters);
    this.alphabetical = Int32Array.from(ids.sort((a, b) => inCodeUnitOrder(texts[a]!, texts[b]!)));
    this.alphabeticalTexts = Array.from(this.alphabetical, (id) => texts[id]!);
  }

  /** Whether the list holds this very word. */
  has(text: string): boolean {
    return this.ids.has(text);
  }

  /** The id of this very word, if the list holds it. */
  idOf(text: string): number | undefined {
    return this.ids.get(text);
  }

  /** Each word that starts with `start`, the word itself included. */
  forEachStarting(start: string, meet: (id: number) => void): void {
    const { from, to } = runStarting(this.alphabeticalTexts, start);
    for (let at = from; at < to; at++) meet(this.alphabetical[at]!);
  }

  /** Each word within `limit` typos of `typed` (of a start of it, for a word still being typed), with the typos. */
  forEachWithin(typed: Spelling, limit: number, toAStart: boolean, meet: (id: number, typos: number) => void): void {
    const length = typed.text.length;
    const last = this.fromLength.length - 1;
    const from = this.fromLength[Math.min(last, Math.max(0, length - limit))]!;
    const to = toAStart ? this.byLength.length : this.fromLength[Math.min(last, length + limit + 1)]!;
    for (let at = from; at < to; at++) {
      // The cheapest proof first, read from one array: most words are ruled out here.
      if (bitsSet(typed.letters & ~this.lettersByLength[at]!) > limit) continue;
      const id = this.byLength[at]!;
      const found = typos(typed, this.words[id]!, limit, toAStart);
      if (found !== Infinity) meet(id, found);
    }
  }
}

/** The order `<` gives strings (code units), which keeps the texts one start begins together. */
export function inCodeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where the texts that begin with `start` lie in a list in code-unit order: one run, found by halving. */
export function runStarting(sorted: readonly string[], start: string): { from: number; to: number } {
  let from = 0;
  let high = sorted.length;
  while (from < high) {
    const middle = (from + high) >>> 1;
    if (sorted[middle]! < start) from = middle + 1;
    else high = middle;
  }
  let to = from;
  while (to < sorted.length && sorted[to]!.startsWith(start)) to++;
  return { from, to };
}
