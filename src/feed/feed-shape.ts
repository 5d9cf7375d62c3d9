/**
 * A feed's shape, checked in one pass over its text before anything is parsed: a feed comes from the network, and
 * JSON.parse builds whatever it is given (38 MiB of nested arrays under a key no feed has once took 9 s and 2 GB
 * before any rule of ours could look at it). This pass keeps no more than the path it is on, and refuses at the
 * first thing the format has no place for:
 *   - a key the format does not know, at any level, or one key twice;
 *   - a list or an object where the format has a plain value (no nesting deeper than the format needs);
 *   - more links than MAX_FEED_LINKS, a longer history than the engine keeps, a text or a number longer than any the
 *     format holds;
 *   - an invisible, control or text-direction character anywhere (a feed's text is shown to people; U+200B, U+FEFF,
 *     U+061C, U+2028 and their kind could make a name or an address read as something it is not), written as is or
 *     as a \u escape;
 *   - anything that is not JSON.
 * What passes is at most a few levels deep, with known keys and bounded counts, so parsing it costs time and memory
 * in proportion to what a feed can hold. It also says where the top-level "signature" value lies (verify.ts).
 */
import { FEED_ENTRY, HISTORY_LIMIT } from '../health/link-health.ts';
import { CAPTURE_FIELDS } from '../health/archives/provider.ts';

/** A plain value (string, number, true, false, null); an object of known keys; a list of one kind, at most `max`. */
type Shape =
  | { kind: 'value' }
  | { kind: 'object'; keys: Map<string, { shape: Shape; bit: number }> }
  | { kind: 'list'; item: Shape; max: number; name: string };

const VALUE: Shape = { kind: 'value' };
/** An object's keys, each with a bit of its own (an object has fewer than 31), to see a key given twice. */
const object = (keys: Record<string, Shape>): Shape => ({
  kind: 'object',
  keys: new Map(Object.entries(keys).map(([key, shape], i) => [key, { shape, bit: 1 << i }])),
});

/** The signature's key at the top of the document (verify.ts). */
export const SIGNATURE_KEY = 'signature';
export const MAX_FEED_LINKS = 200_000;
/** No text of a feed is longer: addresses are at most 4,096 characters, the site 2,048, the publisher 80. */
export const MAX_TEXT_LENGTH = 8_192;
const MAX_NUMBER_LENGTH = 32;

/** A capture's keys are the archive providers' (src/health/archives/provider.ts): a field added there is known here. */
const ARCHIVE = object(Object.fromEntries(Object.keys(CAPTURE_FIELDS).map((field): [string, Shape] => [field, VALUE])));
const OBSERVATION = object({ at: VALUE, outcome: VALUE, reason: VALUE });
/** A link's keys are the codec's (src/health/link-health.ts FEED_ENTRY): a field added there is known here. */
const LINK = object(
  Object.fromEntries(
    FEED_ENTRY.map((field): [string, Shape] => [
      field,
      field === 'archive'
        ? ARCHIVE
        : field === 'history'
          ? { kind: 'list', item: OBSERVATION, max: HISTORY_LIMIT, name: 'history' }
          : VALUE,
    ]),
  ),
);
export const FEED_SHAPE = object({
  [SIGNATURE_KEY]: VALUE,
  format: VALUE,
  version: VALUE,
  publisher: VALUE,
  site: VALUE,
  generatedAt: VALUE,
  endedEarly: object({ why: VALUE, pagesNotRead: VALUE, linksNotChecked: VALUE }),
  links: { kind: 'list', item: LINK, max: MAX_FEED_LINKS, name: 'links' },
});

/**
 * Invisible, control and direction characters, and spaces other than the plain one: every format character (Cf:
 * U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+061C, U+FEFF, U+00AD, tags), line and paragraph separators, lone
 * surrogates, controls (the JSON whitespace between values, tab, LF and CR, is allowed outside texts), private-use
 * characters, variation selectors, the combining grapheme joiner and the characters that draw as blanks (Hangul
 * fillers, braille blank).
 */
const INVISIBLE =
  // Control characters and lone combining marks, each on its own, are what this class is for.
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u034f\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200a\u202f\u205f\u2800\u3000\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/u;

/** Whether `text` holds a character INVISIBLE names (the publisher's name, the site, an address). */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

export class ShapeRefused extends Error {}

/** Where the top-level signature's text lies in the document, between its quotes: [start, end). */
export interface ShapeFacts {
  signature: { start: number; end: number } | null;
}

/** Checks `text` against the feed's shape in one pass; throws ShapeRefused with the first thing wrong. */
export function checkFeedShape(text: string): ShapeFacts {
  let i = 0;
  const n = text.length;
  const facts: ShapeFacts = { signature: null };
  const notJson = (): never => {
    throw new ShapeRefused('it is not JSON');
  };
  const space = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };

  const tooLong = () => new ShapeRefused(`it holds a text longer than ${MAX_TEXT_LENGTH} characters`);
  /** Where the next backslash is, from where the scan is (found once per backslash: texts rarely hold any). */
  let nextBackslash = -1;
  /** A JSON string from text[i] (a quote); returns its value when `keep`, checking escapes for invisibles. */
  const string = (keep: boolean): string => {
    const start = ++i;
    let escaped = false;
    for (;;) {
      // To the closing quote in one search, unless a backslash comes first (control characters inside a text are
      // not JSON: the parser after this pass says so).
      const quote = text.indexOf('"', i);
      if (quote < 0) notJson();
      if (nextBackslash < i) {
        nextBackslash = text.indexOf('\\', i);
        if (nextBackslash < 0) nextBackslash = n;
      }
      if (nextBackslash > quote) {
        i = quote;
        break;
      }
      escaped = true;
      i = nextBackslash;
      const e = text.charCodeAt(i + 1);
      if (e === 117) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) notJson();
        i += 6;
      } else {
        if (!'"\\/bfnrt'.includes(text[i + 1] ?? '')) notJson();
        i += 2;
      }
      // Six characters at most for one escaped (\uXXXX): beyond that no text of ours can be this one.
      if (i - start > MAX_TEXT_LENGTH * 6) throw tooLong();
    }
    const end = i;
    i++;
    if (!escaped && end - start > MAX_TEXT_LENGTH) throw tooLong();
    if (!escaped) return keep ? text.slice(start, end) : '';
    // Escapes: decoded by the platform's own reader, one short text at a time.
    const value = JSON.parse(text.slice(start - 1, end + 1)) as string;
    if (value.length > MAX_TEXT_LENGTH) throw tooLong();
    // Inside a text, the whitespace JSON allows between values is a control character like the others.
    const hidden = INVISIBLE.exec(value) ?? /[\t\n\r]/.exec(value);
    if (hidden) throw new ShapeRefused(`it holds an invisible, control or direction character (U+${hex(hidden[0])})`);
    return keep ? value : '';
  };

  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const plain = () => {
    const c = text.charCodeAt(i);
    if (c === 34) return void string(false);
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) notJson();
    if (NUMBER.lastIndex - i > MAX_NUMBER_LENGTH) throw new ShapeRefused('it holds a number longer than any it needs');
    i = NUMBER.lastIndex;
  };

  /**
   * Where the scan is, for a refusal's words only: keys and positions from the top ("links", 3, "history", 1); the
   * words are made when something is refused, never on the way.
   */
  const path: Array<string | number> = [];
  const where = (): string => {
    let words = '';
    path.forEach((step, k) => {
      if (typeof step === 'number') words += path[k - 1] === 'links' ? `link ${step}` : ` entry ${step}`;
      else if (step !== 'links' || k > 0) words += `${words ? "'s " : ''}"${step}"`;
    });
    return words; // link 3's "history" entry 1's "at"
  };

  /** A value of `shape` at text[i]. */
  const value = (shape: Shape, top = false): void => {
    space();
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      const fits = c === 123 ? shape.kind === 'object' : shape.kind === 'list';
      if (!fits) {
        if (top) throw new ShapeRefused('it is not a JSON object');
        throw new ShapeRefused(`it nests ${c === 123 ? 'an object' : 'a list'} where the format has none (${where()})`);
      }
      if (shape.kind === 'object') return objectOf(shape, top);
      if (shape.kind === 'list') return listOf(shape);
    }
    if (top) {
      if (i >= n) notJson();
      plain();
      throw new ShapeRefused('it is not a JSON object');
    }
    // A plain value where the format has a list or an object (null for "no archive capture"): the entry's own reader
    // names what is wrong with it.
    plain();
  };

  const objectOf = (shape: Extract<Shape, { kind: 'object' }>, top: boolean): void => {
    i++;
    let seen = 0;
    space();
    if (text.charCodeAt(i) === 125) return void i++;
    for (;;) {
      space();
      if (text.charCodeAt(i) !== 34) notJson();
      const key = string(true);
      const known = shape.keys.get(key);
      const inside = () => (top ? 'at the top' : `in ${where()}`);
      if (!known)
        throw new ShapeRefused(
          `it has a key the format does not know, ${JSON.stringify(key.slice(0, 40))} ${inside()}`,
        );
      if (seen & known.bit) throw new ShapeRefused(`it has the key ${JSON.stringify(key)} twice ${inside()}`);
      seen |= known.bit;
      space();
      if (text.charCodeAt(i) !== 58) notJson();
      i++;
      space();
      path.push(key);
      if (top && key === SIGNATURE_KEY && text.charCodeAt(i) === 34) {
        const start = i + 1;
        string(false);
        facts.signature = { start, end: i - 1 };
      } else value(known.shape);
      path.pop();
      space();
      const next = text.charCodeAt(i);
      if (next === 44) {
        i++;
        continue;
      }
      if (next === 125) return void i++;
      notJson();
    }
  };

  const listOf = (shape: Extract<Shape, { kind: 'list' }>): void => {
    i++;
    space();
    if (text.charCodeAt(i) === 93) return void i++;
    for (let count = 1; ; count++) {
      if (count > shape.max)
        throw new ShapeRefused(
          shape.name === 'links'
            ? `it lists more than ${shape.max} links`
            : `it has a longer ${shape.name} than still-there keeps (${where()})`,
        );
      path.push(count);
      value(shape.item);
      path.pop();
      space();
      const next = text.charCodeAt(i);
      if (next === 44) {
        i++;
        continue;
      }
      if (next === 93) return void i++;
      notJson();
    }
  };

  value(FEED_SHAPE, true);
  space();
  if (i !== n) notJson();
  // Characters written as they are, after the shape (which stops hostile inputs at their first bytes): one search of
  // the whole text for anything but printable ASCII, then each such character judged (outside texts JSON allows none
  // of them either). Most feeds are ASCII throughout, and the first search is all they cost.
  const hidden = firstInvisible(text);
  if (hidden !== null)
    throw new ShapeRefused(`it holds an invisible, control or direction character (U+${hex(hidden)})`);
  return facts;
}

function firstInvisible(text: string): string | null {
  const notAscii = /[^\t\n\r\x20-\x7e]/g;
  for (let m = notAscii.exec(text); m !== null; m = notAscii.exec(text)) {
    const char = String.fromCodePoint(text.codePointAt(m.index)!);
    if (INVISIBLE.test(char)) return char;
  }
  return null;
}

function hex(char: string): string {
  return char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
