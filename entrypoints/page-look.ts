// The content script every page runs but those of sites turned off (registered by src/background/page-script.ts):
// the first look, which sends the page to the background to decide whether the marker (entrypoints/page-marker.ts)
// is needed here. An unlisted script rather than WXT's
// content.ts: WXT's content-script runtime and webextension-polyfill cost several milliseconds on every page a
// clinician opens, most of which hold no mutual-aid link at all (src/extension-api.ts says what replaces them).
import '@/src/page-marker/loaded-at.ts'; // first: the budget figures count from the first line of our code
import { firstLook } from '@/src/page-marker/first-look.ts';

export default defineUnlistedScript(() => {
  firstLook();
});
