/**
 * The popup's script (entrypoints/popup/index.html). An unlisted script, so WXT builds it as one classic file,
 * /popup-script.js, with everything it imports: the popup loads a single file and runs it during parsing, not a
 * module graph after it (the 100 ms budget of issue 4). It runs at the end of the body, so the page is all there.
 */
// First, to mark when our code began (before the modules below are evaluated).
import '@/src/popup/script-start.ts';
import { localizeDocument } from '@/src/i18n.ts';
import { browserDeps } from '@/src/popup/popup-browser.ts';
import { startPopup } from '@/src/popup/popup.ts';

export default defineUnlistedScript(() => {
  localizeDocument(document);
  startPopup(document, browserDeps(location.search));
});
