/**
 * Phone numbers a handout prints that are not the number to call now: "page 4 lists 1-800-273-8255 for 988 Suicide &
 * Crisis Lifeline; the current number is 988". A number is judged only against the one group it is printed for —
 * named on its line (or in its table cell), or linked from its line, or named on the line just above it in the same
 * entry — and only as the directory's phones allow (src/directory/phones.ts: a former number, or a toll-free one the
 * group does not use). A line naming two groups, or a handout that says itself that a number is old, gets nothing:
 * a wrong "this number changed" is as bad as a wrong "this link is dead". Pure.
 */
import type { Group } from '../directory/group.ts';
import { groupForUrl } from '../directory/lookup.ts';
import { groupsNamedIn } from '../directory/named-group.ts';
import { digits, numberProblem, numbersIn, type NumberProblem } from '../directory/phones.ts';
import { placeText, type FoundPhone, type Place } from './found.ts';

export interface PhoneFinding {
  place: Place;
  /** As printed. */
  printed: string;
  group: Pick<Group, 'id' | 'name' | 'verified'>;
  /** How the handout names the group, when it names it ("National Suicide Prevention Lifeline"); null when only linked. */
  named: string | null;
  kind: NumberProblem['kind'];
  /** The number the directory gives instead. */
  current: string;
  /** The finding in one sentence, for every report. */
  message: string;
}

/**
 * A finding as every report lists it (src/report/model.ts's NumberFinding, the CLI's and the report page's): with the
 * document it is in, named as reports name pages.
 */
export interface NumberRow {
  /** The document, as pages are named: its address, or its file's path or name. */
  page: string;
  place: Place;
  printed: string;
  /** The group, and the day the directory's facts about it were last checked. */
  group: { id: string; name: string; verified: string };
  kind: NumberProblem['kind'];
  current: string;
  message: string;
}

/** The numbers of a document to update, as report rows. */
export function numberRows(phones: readonly FoundPhone[], page: string): NumberRow[] {
  return phoneFindings(phones).map((f) => ({
    page,
    place: f.place,
    printed: f.printed,
    group: { id: f.group.id, name: f.group.name, verified: f.group.verified },
    kind: f.kind,
    current: f.current,
    message: f.message,
  }));
}

/** Words before a number that say the handout knows it is old: "formerly 1-800-273-8255". */
const SAYS_OLD =
  /\b(?:formerly|previously|old(?: number)?|used to be|was|no longer|anteriormente|antes)\b[^\d]{0,20}$/i;

export function phoneFindings(phones: readonly FoundPhone[]): PhoneFinding[] {
  const out: PhoneFinding[] = [];
  for (const phone of phones) {
    const found = groupFor(phone);
    if (!found) continue;
    const problem = numberProblem(phone.digits, found.group);
    if (!problem) continue;
    const at = phone.cell.indexOf(phone.printed);
    if (at >= 0 && SAYS_OLD.test(phone.cell.slice(Math.max(0, at - 40), at))) continue;
    // The line gives the current number too ("call 988; the old 1-800-273-8255 still rings"): nothing to mend.
    if (givesNumber(withoutNames(phone.context), problem.current)) continue;
    out.push({
      place: phone.place,
      printed: phone.printed,
      group: { id: found.group.id, name: found.group.name, verified: found.group.verified },
      named: found.named,
      kind: problem.kind,
      current: problem.current,
      message: phoneMessage(phone.place, phone.printed, found.group, found.named, problem),
    });
  }
  return out;
}

export function phoneMessage(
  place: Pick<Place, 'page' | 'label'>,
  printed: string,
  group: Pick<Group, 'name' | 'verified'>,
  named: string | null,
  problem: NumberProblem,
): string {
  const plain = (name: string) => name.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ');
  // Said only when the handout's name is another one (an old name), not the same name written another way.
  const as = named && !plain(group.name).includes(plain(named)) ? ` (printed as "${named}")` : '';
  const then =
    problem.kind === 'former'
      ? `the current number is ${problem.current}`
      : `the directory lists ${problem.current} (checked ${group.verified})`;
  return `${placeText(place)} lists ${printed} for ${group.name}${as}; ${then}`;
}

/** The one group a number is printed for, or null when its line names none or several. */
function groupFor(phone: FoundPhone): { group: Group; named: string | null } | null {
  const onLine = candidates(phone.context, phone.besideLinks);
  if (onLine.size === 1) return [...onLine.values()][0]!;
  if (onLine.size > 1) {
    // Two columns (or two entries) on one line: the number's own cell decides, or nothing does.
    const inCell = candidates(phone.cell, []);
    return inCell.size === 1 ? [...inCell.values()][0]! : null;
  }
  for (const line of phone.above) {
    const named = candidates(line, []);
    if (named.size === 1) return [...named.values()][0]!;
    if (named.size > 1) return null;
  }
  return null;
}

function candidates(text: string, links: readonly string[]): Map<string, { group: Group; named: string | null }> {
  const out = new Map<string, { group: Group; named: string | null }>();
  for (const n of groupsNamedIn(text)) out.set(n.group.id, { group: n.group, named: n.named });
  for (const href of links) {
    const group = groupForUrl(href);
    if (group && !out.has(group.id)) out.set(group.id, { group, named: null });
  }
  return out;
}

/** The text without the groups' names in it: "988" in "988 Suicide & Crisis Lifeline" is a name, not a number given. */
function withoutNames(text: string): string {
  let out = text;
  for (const n of groupsNamedIn(text)) out = out.split(n.named).join(' ');
  return out;
}

function givesNumber(text: string, number: string): boolean {
  const wanted = digits(number);
  if (wanted.length < 10) return new RegExp(`(?<![\\d-])${wanted}(?![\\d-])`).test(text);
  return numbersIn(text).some((n) => n.digits === wanted);
}
