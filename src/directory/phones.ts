/**
 * A phone number printed beside a group's link that the directory does not list for that group: old guides
 * keep numbers that changed. Pure: the page side (src/page-marker/phone-note.ts) finds the text, this decides.
 */
import type { Group } from './group.ts';

/** US numbers as pages print them: (800) 826-3632, 800-826-3632, 1-800-826-3632, 800.826.3632, +1 800 826 3632. */
const US_PHONE = /(?:\+?1[\s.-]?)?\(?\b(\d{3})\)?[\s.-]?(\d{3})[\s.-](\d{4})\b/g;

export function phonesIn(text: string): string[] {
  return [...text.matchAll(US_PHONE)].map((m) => `${m[1]}${m[2]}${m[3]}`);
}

/** Ten digits, without the country code: how numbers are compared. */
export function digits(number: string): string {
  const d = number.replace(/\D/g, '');
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
}

export interface PhoneMismatch {
  printed: string;
  listed: string;
  group: Group;
}

/**
 * The first number printed near the link that the directory does not list for the group, when the directory
 * lists at least one ten-digit number and none of the printed numbers is among them.
 */
export function phoneMismatch(nearbyText: string, group: Group): PhoneMismatch | null {
  const listed = group.phones.map((p) => ({ p, d: digits(p.number) })).filter((x) => x.d.length === 10);
  if (listed.length === 0) return null;
  const printed = phonesIn(nearbyText);
  if (printed.length === 0) return null;
  if (printed.some((d) => listed.some((x) => x.d === d))) return null;
  const preferred = listed.find((x) => x.p.label === 'helpline') ?? listed[0]!;
  return { printed: format(printed[0]!), listed: preferred.p.number, group };
}

function format(d: string): string {
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}
