/**
 * Web addresses written as plain text — "www.aa.org", "na.org/meetings", "https://www.samhsa.gov/find-help/" with
 * "national-helpline" on the next line — as handouts print them: a PDF made from a typed list often has no link at
 * all, only the words a reader types into a browser. Pure: lines of text in, addresses with their lines out.
 *
 * What counts as an address, narrowest first, so that ordinary words stay words:
 *   - anything starting http:// or https://;
 *   - anything starting www. followed by a name with a dot;
 *   - a bare name ending in one of the common generic endings (org, com, net, gov, edu, us, info …), optionally with a
 *     path: "na.org/meetings", "Al-Anon.org"; never inside an e-mail address (a name must start the word), nor "e.g."
 *     or "guide.pdf".
 * An address the layout broke at the end of a line is joined with the start of the next when the break is plain from
 * the text (see `continues`).
 */

/** One line of text, top to bottom. */
export interface TextLine {
  text: string;
  /**
   * The line runs to (nearly) the right edge of its column: a word ending it may have been broken there by the
   * layout rather than by the writer, so an address may go on at the start of the next line.
   */
  full?: boolean;
}

/** Where a word sits: its line, and its place among the line's words (as /\S+/g finds them). */
export interface WordAt {
  line: number;
  word: number;
}

/**
 * How the lines are read, for a layout (a PDF page's columns and table cells) that plain lines cannot say; by default
 * the next line goes on from the last word of this one.
 */
export interface Reading {
  /**
   * The word that goes on from this one when it ends its line or cell — the first word of the next line of its column
   * or cell — and whether that word is alone on its line there; null when none does.
   */
  following?(at: WordAt): (WordAt & { alone: boolean }) | null;
  /** Whether the word reaches the right edge of its column or cell: the layout, not the writer, may have broken it. */
  atMargin?(at: WordAt): boolean;
}

export interface PrintedAddress {
  /** The address made whole: with a scheme (https:// where none was printed, as a browser tries first). */
  href: string;
  /** As printed, line breaks removed: the link's words. */
  printed: string;
  /** Index of the line it starts on, and of the line it ends on (the same, unless the layout broke it). */
  line: number;
  endLine: number;
}

/** Endings a bare name ("na.org") must have to be read as an address without www. or a scheme. */
const BARE_ENDINGS = ['org', 'com', 'net', 'gov', 'edu', 'us', 'info', 'mil', 'biz', 'io', 'co'];
const SCHEME = /^https?:\/\//i;
const WWW = /^www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?=$|[/:?#])/i;
const BARE = new RegExp(
  String.raw`^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:${BARE_ENDINGS.join('|')})(?=$|[/:?#])`,
  'i',
);
/** The characters an address may hold (RFC 3986's, less the square brackets and quotes that wrap it in prose). */
const ADDRESS_CHARS = /^[A-Za-z0-9\-._~%/?#=&+:@!$*,;()]+$/;
/** What an address may end with that also ends a sentence or a parenthesis around it. */
const TRAILING = /[.,;:!?'"’”»\]>]+$/;
/** Endings no finished address has (a hyphen, a query's = or &): whatever lower-case word follows is its rest. */
const CUT_SHORT = /[-_.?=&#]$/;
/** A path's slash may end an address, or only its first line. */
const SLASH_END = /\/$/;
/** Inside a continuation: signs of an address's path or query, not of a sentence's next word. */
const ADDRESS_SIGNS = /[/=?&#_]|\.[a-z]|[a-z0-9]-[a-z0-9]/i;
/** The stronger signs, that a capitalised word of a sentence does not have. */
const PATH_SIGNS = /[/=?&#_]|\.[a-z]/i;

export function printedAddresses(lines: readonly TextLine[], reading: Reading = {}): PrintedAddress[] {
  const words = lines.map((l) => tokensOf(l.text));
  const following =
    reading.following ??
    (({ line, word }: WordAt) =>
      word === words[line]!.length - 1 && line + 1 < lines.length && words[line + 1]!.length > 0
        ? { line: line + 1, word: 0, alone: words[line + 1]!.length === 1 }
        : null);
  const atMargin = reading.atMargin ?? (({ line }: WordAt) => lines[line]!.full === true);
  const found: PrintedAddress[] = [];
  // Words already read as the rest of an address on the line above: not read again as addresses of their own.
  const used = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    for (let t = 0; t < words[i]!.length; t++) {
      if (used.has(`${i}:${t}`)) continue;
      const address = addressIn(words[i]![t]!);
      if (address === null) continue;
      let printed = address.text;
      let endLine = i;
      // An address ending its line or cell may go on below: while the next word finishes it, take it.
      for (let at: WordAt = { line: i, word: t }, hops = 0; address.whole && hops < 4; hops++) {
        const next = following(at);
        const word = next ? words[next.line]?.[next.word] : undefined;
        if (!next || word === undefined || !continues(printed, word, atMargin(at), next.alone)) break;
        const more = trimmed(word);
        printed += more.text;
        used.add(`${next.line}:${next.word}`);
        endLine = next.line;
        if (more.cut) break; // it ended in a full stop or a bracket
        at = next;
      }
      const href = hrefOf(printed);
      if (href) found.push({ href, printed, line: i, endLine });
    }
  }
  return found;
}

function tokensOf(text: string): string[] {
  return text.match(/\S+/g) ?? [];
}

/** A token as an address: the address part, and whether the token ended with it (nothing trimmed after). */
function addressIn(token: string): { text: string; whole: boolean } | null {
  // Opening brackets and quotes in front: "(www.aa.org)", "“na.org”".
  const opened = token.replace(/^[("'‘“«[<]+/, '');
  const { text, cut } = trimmed(opened);
  if (!SCHEME.test(text) && !WWW.test(text) && !BARE.test(text)) {
    // "https://" alone at the end of a line: the rest of it is on the next.
    return /^https?:\/\/$/i.test(text) ? { text, whole: true } : null;
  }
  if (!ADDRESS_CHARS.test(text)) return null;
  return { text, whole: !cut };
}

/** A token without what ends its sentence or bracket; `cut` when something was taken off. */
function trimmed(token: string): { text: string; cut: boolean } {
  let text = token.replace(TRAILING, '');
  // A closing parenthesis is the address's own only when it opened one ("…/Recovery_(band)").
  while (text.endsWith(')') && count(text, '(') < count(text, ')')) text = text.slice(0, -1).replace(TRAILING, '');
  return { text, cut: text.length !== token.length };
}

function count(text: string, c: string): number {
  return text.split(c).length - 1;
}

/**
 * Whether the first word of the next line (or of the cell's next line) finishes an address cut at the end of this
 * one. Never a word that is an address of its own, nor one starting with a capital unless it carries a path's signs
 * (a capital starts a sentence more often than a path). After an ending no address has ("…support-", "…?id="): such a
 * word. After a slash ("…/find-help/"): a word with an address's signs ("national-helpline"), or a lone word when the
 * line ran to its margin ("…/" then "meetings" alone). After a whole-looking ending: only when the line ran to its
 * margin and the word has an address's signs ("…org/sup" then "port/chapters"). Either mistake would have an
 * address checked that nobody wrote, so the rules ask for the plainest signs.
 */
function continues(address: string, next: string, lineWasFull: boolean, alone: boolean): boolean {
  const text = trimmed(next).text;
  if (!text || !ADDRESS_CHARS.test(text)) return false;
  // "https://" ended the line: its host starts the next.
  if (/^https?:\/\/$/i.test(address)) return WWW.test(text) || BARE.test(text);
  if (SCHEME.test(text) || WWW.test(text) || BARE.test(text)) return false;
  const lower = /^[a-z0-9\-_/?#=&%.]/.test(text);
  if (!lower && !PATH_SIGNS.test(text)) return false;
  if (CUT_SHORT.test(address)) return true;
  const signs = ADDRESS_SIGNS.test(text);
  if (SLASH_END.test(address)) return signs || (lineWasFull && alone && lower);
  return lineWasFull && signs;
}

/** The address to check: a scheme added where none was printed, the host checked for a dot; null when unreadable. */
function hrefOf(printed: string): string | null {
  const withScheme = SCHEME.test(printed) ? printed : `https://${printed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return null;
  return url.href;
}
