/**
 * Beyond the link itself: a phone number printed beside a group's link that the directory lists differently is
 * flagged with the same description mechanism as a mark ("The directory lists (800) 826-3632 for DBSA, verified
 * 1 Nov 2026"), in the browser's UI language. Built with DOM calls only; removed with every other mark.
 */
import { groupForUrl } from '../directory/lookup.ts';
import type { Group } from '../directory/group.ts';
import { listedNumbers, phoneMismatch, type PhoneMismatch } from '../directory/phones.ts';
import { t } from '../i18n.ts';
import { formatDay } from '../words/describe.ts';

export const PHONE_NOTE_ATTR = 'data-link-health-phone-note';
const NEARBY_CHARS = 400;
let counter = 0;

/** `url`: the link's address as the page tracks it (resolved once there; a.href resolves afresh on every read). */
export function notePhone(a: HTMLAnchorElement, url: string): void {
  const group = groupForUrl(url);
  if (!group || listedNumbers(group).length === 0) return;
  const block = a.closest('li, p, td, dd, dt, address, tr');
  if (!block || block.querySelector(`[${PHONE_NOTE_ATTR}]`)) return;
  const mismatch = phoneMismatch((block.textContent ?? '').slice(0, NEARBY_CHARS), group);
  if (!mismatch) return;
  const doc = a.ownerDocument;
  const note = doc.createElement('span');
  note.setAttribute(PHONE_NOTE_ATTR, '');
  note.setAttribute('role', 'note');
  note.tabIndex = 0;
  const { description, label } = phoneNoteTexts(mismatch, group);
  note.title = description;
  note.setAttribute('aria-label', description);
  note.id = `link-health-phone-${++counter}`;
  note.textContent = label;
  // At the end of the block: after the link's own marks and after the number it questions.
  block.append(doc.createTextNode(' '), note);
}

/** The note's words: its description (title and accessible name) and its short visible label. */
export function phoneNoteTexts(
  mismatch: Pick<PhoneMismatch, 'printed' | 'listed'>,
  group: Pick<Group, 'name' | 'verified'>,
): { description: string; label: string } {
  return {
    description: t('phone_note_description', mismatch.listed, group.name, formatDay(group.verified), mismatch.printed),
    label: t('phone_note_label', mismatch.listed),
  };
}

export function removePhoneNotes(root: ParentNode): void {
  for (const n of root.querySelectorAll(`[${PHONE_NOTE_ATTR}]`)) {
    const space = n.previousSibling;
    if (space?.nodeType === 3 && space.textContent === ' ') space.remove();
    n.remove();
  }
}
