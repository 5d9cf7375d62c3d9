/**
 * A PDF page's text as a reader sees it: pdf.js hands out runs of glyphs with their positions, in whatever order the
 * file drew them; this puts them back into rows (one baseline across the page: a line of prose, or a table's row)
 * and, inside a row, segments (runs of text with no wide gap: a column's line, a wide-set table's cell), and keeps
 * where each character sits, so a link's rectangle can be turned into its words and a word's place compared with the
 * line below. Pure geometry, in the page's own units (points), the y axis going up as PDF's does.
 */

/** A run of text as pdf.js's getTextContent gives it (only what is read here). */
export interface TextRun {
  str: string;
  /** [a, b, c, d, x, y]: the run's transform; x, y its start on the baseline. */
  transform: number[];
  width: number;
  height: number;
}

/** A word (whitespace-separated) of a row, with where it starts and ends. */
export interface Word {
  text: string;
  left: number;
  right: number;
}

export interface Segment {
  /** Whitespace folded to single spaces, trimmed. */
  text: string;
  left: number;
  right: number;
  /** Each character's left and right edge, approximated within its run by the run's width. */
  boxes: Array<[number, number]>;
}

export interface Row {
  /** The whole row's text: its segments in order, two spaces between segments. */
  text: string;
  /** The baseline. */
  y: number;
  /** The largest font size on the row. */
  size: number;
  segments: Segment[];
  /** The words of `text` in order, as /\S+/g finds them. */
  words: Word[];
}

/**
 * A gap wider than this many font sizes splits a row into segments. Words are a quarter of a size apart and a table's
 * cells often half of one, so only a column's gutter or a wide-set table's gap (24 pt at 12 pt) splits.
 */
const SEGMENT_GAP = 2;
/** Runs whose baselines differ by less than this fraction of their size sit on one row (sub- and superscripts). */
const SAME_ROW = 0.4;
/** A gap of this fraction of a size between two runs is a space the file did not write as a character. */
const WORD_GAP = 0.15;

function sizeOf(run: TextRun): number {
  const [a = 0, b = 0, c = 0, d = 0] = run.transform;
  return run.height || Math.hypot(c, d) || Math.hypot(a, b) || 10;
}

/** The page's rows, top to bottom, each with its segments left to right. */
export function rowsOf(runs: readonly TextRun[]): Row[] {
  const placed = runs
    .filter((r) => r.str.trim() !== '')
    .map((r) => ({ run: r, x: r.transform[4] ?? 0, y: r.transform[5] ?? 0, size: sizeOf(r) }))
    .sort((p, q) => q.y - p.y || p.x - q.x);
  const grouped: Array<{ y: number; size: number; runs: typeof placed }> = [];
  for (const p of placed) {
    const last = grouped[grouped.length - 1];
    if (last && Math.abs(last.y - p.y) < SAME_ROW * Math.max(last.size, p.size)) {
      last.runs.push(p);
      last.size = Math.max(last.size, p.size);
    } else grouped.push({ y: p.y, size: p.size, runs: [p] });
  }
  return grouped.map((g) => {
    const segments: Array<{ chars: string[]; boxes: Array<[number, number]>; right: number; size: number }> = [];
    let current: (typeof segments)[number] | null = null;
    for (const p of g.runs.sort((a, b) => a.x - b.x)) {
      const width = Math.max(0, p.run.width);
      if (current && p.x - current.right > SEGMENT_GAP * Math.max(current.size, p.size)) current = null;
      if (!current) segments.push((current = { chars: [], boxes: [], right: p.x + width, size: p.size }));
      else if (p.x - current.right > WORD_GAP * p.size) push(current, ' ', current.right, p.x);
      const step = p.run.str.length ? width / p.run.str.length : 0;
      // By UTF-16 unit, as the words' offsets below count.
      p.run.str.split('').forEach((c, i) => push(current!, c, p.x + i * step, p.x + (i + 1) * step));
      current.right = Math.max(current.right, p.x + width);
      current.size = Math.max(current.size, p.size);
    }
    const built = segments.map(fold).filter((s) => s.text !== '');
    const words = built.flatMap((s) =>
      [...s.text.matchAll(/\S+/g)].map((m) => ({
        text: m[0],
        left: s.boxes[m.index]![0],
        right: s.boxes[m.index + m[0].length - 1]![1],
      })),
    );
    return { text: built.map((s) => s.text).join('  '), y: g.y, size: g.size, segments: built, words };
  });
}

function push(
  segment: { chars: string[]; boxes: Array<[number, number]> },
  c: string,
  left: number,
  right: number,
): void {
  segment.chars.push(c);
  segment.boxes.push([left, right]);
}

/** Whitespace folded to one space and trimmed, each kept character keeping its box. */
function fold(s: { chars: string[]; boxes: Array<[number, number]> }): Segment {
  let text = '';
  const boxes: Array<[number, number]> = [];
  s.chars.forEach((c, i) => {
    if (/\s/.test(c)) {
      if (text !== '' && !text.endsWith(' ')) {
        text += ' ';
        boxes.push(s.boxes[i]!);
      }
      return;
    }
    text += c;
    boxes.push(s.boxes[i]!);
  });
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    boxes.pop();
  }
  return { text, boxes, left: boxes[0]?.[0] ?? 0, right: boxes[boxes.length - 1]?.[1] ?? 0 };
}

/** A rectangle in page units: [x1, y1, x2, y2] as PDF annotations give it (corners in any order). */
export type Rect = readonly [number, number, number, number];

function bounds(rect: Rect): { left: number; right: number; bottom: number; top: number } {
  return {
    left: Math.min(rect[0], rect[2]),
    right: Math.max(rect[0], rect[2]),
    bottom: Math.min(rect[1], rect[3]),
    top: Math.max(rect[1], rect[3]),
  };
}

/** Whether a row's band (a quarter size below its baseline to most of a size above) meets the rectangle. */
export function rowMeets(row: Pick<Row, 'y' | 'size'>, rect: Rect): boolean {
  const b = bounds(rect);
  const low = row.y - row.size * 0.25;
  const high = row.y + row.size * 0.8;
  return Math.min(high, b.top) - Math.max(low, b.bottom) > row.size * 0.3;
}

/**
 * The words a rectangle covers (a link annotation's): the characters of the rows it meets whose middle falls inside
 * it. Rows are joined by a space, except after a hyphen or a slash: a link broken over two lines is most often an
 * address broken there.
 */
export function wordsUnder(rows: readonly Row[], rect: Rect): string {
  const b = bounds(rect);
  let out = '';
  for (const row of rows) {
    if (!rowMeets(row, rect)) continue;
    const picked = row.segments
      .map((s) =>
        s.text
          .split('')
          .filter((_, i) => {
            const middle = (s.boxes[i]![0] + s.boxes[i]![1]) / 2;
            return middle >= b.left && middle <= b.right;
          })
          .join(''),
      )
      .map((t) => t.trim())
      .filter(Boolean)
      .join(' ');
    if (!picked) continue;
    out += out === '' || /[-/]$/.test(out) ? picked : ` ${picked}`;
  }
  // A rectangle drawn a little wide takes in the punctuation before or after the link's words.
  return out
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?)\]]+/, '')
    .replace(/[\s,;:([]+$/, '');
}
