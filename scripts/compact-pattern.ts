/**
 * A shorter form of the cheap spotting pattern that says yes to exactly the same texts (tests/unit/compact-pattern.test.ts).
 *
 * The pattern is only ever asked "does this text hold any of these?" (RegExp.test, case-insensitive), over a whole
 * page's text on every page the content script runs in. Written as some ninety alternatives side by side, the regular
 * expression engine tries each one at every position of the text. Two rewrites keep the answer and cut that work:
 *   - an alternative that always holds a match of another is dropped: "Alcoholics\s+Anonymous" holds "anonymous",
 *     "grupos?\s+de" holds "grupo";
 *   - alternatives sharing a beginning share it once: "s(?:upport\s+groups?|elf[-\s]help|…)", so one letter that
 *     starts none of them rules them all out at once.
 * Measured in Node on the 2,000-link ordinary page's text: about 1.7 ms before, 0.55 ms after (compiling included).
 *
 * Only the syntax the spotting phrases use is accepted — literal characters, escapes such as \s and \., classes,
 * groups and the quantifiers ?, * and + — and anything else is refused, so a new phrase cannot be rewritten wrongly
 * without the generator saying so.
 */

/** Splits a pattern at its top-level "|" (not inside a group or a class). */
export function alternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      current += c + (pattern[++i] ?? '');
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === '|' && depth === 0 && !inClass) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** Escapes after a backslash that stand for one character or one class of them, whatever the case flag says. */
const SIMPLE_ESCAPE = /^\\(?:[sSdDwW]|[^a-zA-Z0-9])$/;

/**
 * An alternative as a list of atoms: one character, one escape, one class or one group, each with its quantifier.
 * Literal ASCII letters are lower-cased (the pattern is used case-insensitively), so "Anonymous" and "anonymous"
 * share their atoms.
 */
export function atoms(alternative: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < alternative.length) {
    const start = i;
    const c = alternative[i]!;
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(alternative, i);
    else if (c === '(') i = groupEnd(alternative, i);
    else if ('^${}|)]?*+.'.includes(c))
      throw new Error(`compactPattern: "${c}" at ${i} of ${JSON.stringify(alternative)} is not supported`);
    else i += 1;
    if (/^[?*+]/.test(alternative.slice(i))) i += 1;
    if (/^[?{]/.test(alternative.slice(i)))
      throw new Error(`compactPattern: lazy or counted quantifier in ${JSON.stringify(alternative)}`);
    out.push(lowerLiterals(alternative.slice(start, i)));
  }
  return out;
}

function classEnd(s: string, open: number): number {
  let i = open + 1;
  while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
  if (i >= s.length) throw new Error(`compactPattern: unclosed class in ${JSON.stringify(s)}`);
  return i + 1;
}

function groupEnd(s: string, open: number): number {
  if (s[open + 1] === '?' && s[open + 2] !== ':')
    throw new Error(`compactPattern: lookaround or named group in ${JSON.stringify(s)}`);
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      i = classEnd(s, i) - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error(`compactPattern: unclosed group in ${JSON.stringify(s)}`);
}

/** Lower-cases literal ASCII letters and leaves escapes (\S is not \s) as they are; refuses escapes it cannot read. */
function lowerLiterals(atom: string): string {
  return atom.replace(/\\.|[A-Z]/g, (m) => {
    if (m.startsWith('\\')) {
      if (!SIMPLE_ESCAPE.test(m)) throw new Error(`compactPattern: escape ${m} is not supported`);
      return m;
    }
    return m.toLowerCase();
  });
}

/**
 * The words of an alternative made of literal words and whitespace only ("Alcoholics\s+Anonymous"), escapes read as
 * their characters; null for any other alternative.
 */
function plainWords(alternative: string): string[] | null {
  const word = String.raw`(?:[^\\()[\]?*+|{}^$.]|\\[^a-zA-Z0-9])+`;
  if (!new RegExp(String.raw`^${word}(?:\\s\+?${word})*$`).test(alternative)) return null;
  return alternative.split(/\\s\+?/).map((w) => w.replace(/\\(.)/g, '$1'));
}

interface Node {
  /** An alternative ends here: for a yes/no search, whatever would follow adds nothing. */
  end: boolean;
  next: Map<string, Node>;
}

/** The same yes/no search as `pattern` (used with the "i" flag), shorter and quicker to run. */
export function compactPattern(pattern: string): string {
  const all = alternatives(pattern);
  // Alternatives with no whitespace in them can match inside a single word of another.
  const oneWord = all.filter((a) => !a.includes('\\s')).map((a) => new RegExp(a, 'i'));
  const kept = all.filter((a) => {
    const words = plainWords(a);
    return !words || words.length < 2 || !words.some((w) => oneWord.some((b) => b.test(w)));
  });
  const root: Node = { end: false, next: new Map() };
  for (const alternative of kept) {
    let node = root;
    for (const atom of atoms(alternative)) {
      if (node.end) break;
      let child = node.next.get(atom);
      if (!child) node.next.set(atom, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
    node.next.clear();
  }
  const tail = (node: Node): string => {
    if (node.end) return '';
    const parts = [...node.next].map(([atom, child]) => atom + tail(child));
    return parts.length === 1 ? parts[0]! : `${guard([...node.next.keys()])}(?:${parts.join('|')})`;
  };
  // The top level stays a plain alternation: its branches are bounded by the alphabet, not by the directory.
  return [...root.next].map(([atom, child]) => atom + tail(child)).join('|');
}

/**
 * A lookahead that lets a branching point fail at once when the next character starts none of its branches:
 * "(?=[gs])(?:roups?|...)". The engine tries a point's branches one after another, so without it every place in
 * a page's text would cost as many tries as the point has branches, and the more groups the directory names, the
 * more branches (bench/spotting-scale.ts). Empty when a branch may start with nothing or with a group.
 */
function guard(branchAtoms: readonly string[]): string {
  const chars: string[] = [];
  for (const atom of branchAtoms) {
    const first = firstCharacters(atom);
    if (first === null) return '';
    chars.push(first);
  }
  return `(?=[${chars.join('')}])`;
}

/** The characters an atom can start with, written for inside a class; null when it can be empty or is a group. */
function firstCharacters(atom: string): string | null {
  if (/[?*]$/.test(atom) || atom.startsWith('(')) return null;
  const bare = atom.replace(/\+$/, '');
  // A class's characters, its "-" and "^" escaped: beside others in one class, they would make a range or a negation.
  if (bare.startsWith('[')) return bare.startsWith('[^') ? null : bare.slice(1, -1).replace(/(?<!\\)[-^]/g, '\\$&');
  if (bare.startsWith('\\')) return bare;
  return /[\]\\^-]/.test(bare) ? `\\${bare}` : bare;
}
