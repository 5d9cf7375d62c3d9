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
