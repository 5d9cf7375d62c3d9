/**
 * A phone number printed beside a group's link that the directory does not list for that group: old guides
 * keep numbers that changed. Pure: the page side (src/page-marker/phone-note.ts) finds the text, this decides.
 */
import type { Group, Route } from './group.ts';

/** US numbers as pages print them: (800) 826-3632, 800-826-3632, 1-800-826-3632, 800.826.3632, +1 800 826 3632. */
const US_PHONE = /(?:\+?1[\s.-]?)?\(?\b(\d{3})\)?[\s.-]?(\d{3})[\s.-](\d{4})\b/g;

export function phonesIn(text: string): string[] {
  return [...text.matchAll(US_PHONE)].map((m) => `${m[1]}${m[2]}${m[3]}`);
}

/** The letters of a phone keypad (ITU E.161), so a number printed as "1-800-MY-RESET" dials as its digits. */
const KEYPAD: Record<string, string> = Object.fromEntries(
  ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'].flatMap((letters, i) =>
    [...letters].map((letter) => [letter, String(i + 2)]),
  ),
);

/** The digits a number dials, letters turned into their keys: "1-800-MY-RESET" → "18006973738". */
export function dialDigits(number: string): string {
  return number
    .toUpperCase()
    .replace(/[A-Z]/g, (letter) => KEYPAD[letter]!)
    .replace(/\D/g, '');
}

/** Ten digits, without the country code: how numbers are compared. */
export function digits(number: string): string {
  const d = dialDigits(number);
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
}

/** Routes reached by dialling or texting a number (a chat opens a page, so it has none). */
export function isNumberRoute(route: Route): boolean {
  return route.way !== 'chat';
}

/** Every number the directory lists for the group, its lines' first, as printed. */
export function listedNumbers(group: Pick<Group, 'phones' | 'routes'>): string[] {
  return [...group.routes.filter(isNumberRoute).map((r) => r.to), ...group.phones.map((p) => p.number)];
}

export interface PhoneMismatch {
  printed: string;
  listed: string;
  group: Group;
}

/**
 * The first number printed near the link that the directory does not list for the group, when the directory
 * lists at least one ten-digit number and none of the printed numbers is among them. The number named as the
 * right one is the group's line (its first route) when it has one, else its first phone.
 */
export function phoneMismatch(nearbyText: string, group: Group): PhoneMismatch | null {
  const listed = listedNumbers(group)
    .map((number) => ({ number, d: digits(number) }))
    .filter((x) => x.d.length === 10);
  if (listed.length === 0) return null;
  const printed = phonesIn(nearbyText);
  if (printed.length === 0) return null;
  if (printed.some((d) => listed.some((x) => x.d === d))) return null;
  return { printed: format(printed[0]!), listed: listed[0]!.number, group };
}

function format(d: string): string {
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}

/** A telephone number where it is printed in a text. */
export interface PrintedNumber {
  /** As printed: "1-800-273-TALK (8255)", "(212) 870-3400". */
  printed: string;
  /** Ten digits, without the country code (letters of a vanity number turned into their keys' digits). */
  digits: string;
  /** Where it starts in the text. */
  index: number;
}

/**
 * Toll-free numbers spelt in letters, as helplines print them: 1-800-273-TALK, 1-800-662-HELP, 1-833-TLC-MAMA, often
 * with the digits after in brackets ("1-800-273-TALK (8255)"). Capitals only, and at least one letter, so ordinary
 * words and digit-only numbers (US_PHONE's) are not read twice.
 */
const VANITY_PHONE =
  /(?:\+?1[\s.-]?)?\(?\b(8(?:00|33|44|55|66|77|88))\)?[\s.-]?([A-Z0-9]{3})[\s.-]?([A-Z0-9]{4})\b(?:\s*\(\d{4}\))?/g;

/** Every ten-digit US number printed in a text, in order, vanity spellings included. */
export function numbersIn(text: string): PrintedNumber[] {
  const found: PrintedNumber[] = [...text.matchAll(US_PHONE)].map((m) => ({
    printed: m[0].trim(),
    digits: `${m[1]}${m[2]}${m[3]}`,
    index: m.index,
  }));
  for (const m of text.matchAll(VANITY_PHONE)) {
    const letters = `${m[2]}${m[3]}`;
    if (!/[A-Z]/.test(letters)) continue;
    found.push({
      printed: m[0].trim(),
      digits: `${m[1]}${letters.replace(/[A-Z]/g, (l) => KEYPAD[l]!)}`,
      index: m.index,
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Why a number printed for a group is not the one to call now:
 *   - 'former': the directory lists it as a number the group used to give (1-800-273-8255 for the 988 Lifeline);
 *   - 'differs': a toll-free number the directory does not list for the group at all. Only toll-free numbers: a
 *     local number beside a national group's name is most often its local chapter's or intergroup's own, which the
 *     directory does not list and which may well be right.
 * `current`: the number the directory gives instead (its helpline first).
 */
export interface NumberProblem {
  kind: 'former' | 'differs';
  current: string;
}

const TOLL_FREE = /^8(?:00|33|44|55|66|77|88)\d{7}$/;

/** A call route as a person dials it: "988, then press 1" for the Veterans Crisis Line. */
function withKey(route: Route): string {
  return route.press ? `${route.to}, then press ${route.press}` : route.to;
}

export function numberProblem(printedDigits: string, group: Group): NumberProblem | null {
  // The number to call now: the line's first voice route, else the group's first number (a text short code or a
  // TTY line is no replacement for a voice number).
  const line = group.routes.find((r) => r.way === 'call' && !r.former);
  const preferred = line ? withKey(line) : group.phones.find((p) => !p.former)?.number;
  if (!preferred) return null;
  // Former first: 1-800-273-8255 is both the Lifeline's old number and, today, its ASL videophone route, and a
  // handout that prints it for the Lifeline prints the old number.
  const former = [
    ...group.routes.filter((r) => r.former).map((r) => r.to),
    ...group.phones.filter((p) => p.former).map((p) => p.number),
  ];
  if (former.some((n) => digits(n) === printedDigits)) return { kind: 'former', current: preferred };
  if (listedNumbers(group).some((n) => digits(n) === printedDigits)) return null;
  return TOLL_FREE.test(printedDigits) ? { kind: 'differs', current: preferred } : null;
}
