/**
 * After an update, the pages already open still hold the old copy of the marker, with nothing of the extension behind
 * it. The new background runs the first look in them again (src/background/first-look.ts, lookAgainEverywhere), and a
 * new marker may follow. Both copies would then mark the same links: in Chromium the new one runs in an isolated world
 * of its own, so it cannot see the old one's globals, only the page they share. So the newcomer announces itself on
 * the page, an old copy whose extension is gone leaves without touching the page, and the newcomer clears what the old
 * one drew before it draws afresh. (Firefox ends an old copy's script itself at an update; the marks it drew stay in
 * the page all the same, so the clearing is needed there too.)
 */
import { unmarkAll } from './marks.ts';
import { removePhoneNotes } from './phone-note.ts';

/**
 * An event on the page's document. The page's own scripts can see it and send it too, which tells them nothing the
 * marks do not, and can make no copy whose extension is still there leave (leaveWhenReplaced).
 */
export const HAND_OVER_EVENT = 'still-there:hand-over';

/** Anything a marker draws in a page: marked links, the archive and new-home links after them, phone notes. */
const DRAWN = '[data-link-health], [data-link-health-extras], [data-link-health-phone-note]';

/** The newcomer, before it marks anything: old copies leave, and what they drew is cleared. */
export function takeOver(doc: Document): void {
  doc.dispatchEvent(new Event(HAND_OVER_EVENT));
  if (doc.querySelector(DRAWN) === null) return; // the usual case: no copy ever drew here
  unmarkAll(doc);
  removePhoneNotes(doc);
}

/**
 * An old copy's side: when a newcomer announces itself and this copy's extension is gone (`stillThere` false), it
 * leaves (`leave`: stops following the page, and leaves the marks for the newcomer to clear). Returns the stop.
 */
export function leaveWhenReplaced(doc: Document, stillThere: () => boolean, leave: () => void): () => void {
  const onHandOver = () => {
    if (!stillThere()) leave();
  };
  doc.addEventListener(HAND_OVER_EVENT, onHandOver);
  return () => doc.removeEventListener(HAND_OVER_EVENT, onHandOver);
}
