// The content script (listed in the manifest by wxt.config.ts). An unlisted script rather than WXT's content.ts:
// WXT's content-script runtime and webextension-polyfill cost several milliseconds on every page a clinician
// opens, most of which hold no mutual-aid link at all (src/extension-api.ts says what replaces them).
import '@/src/page-marker/loaded-at.ts'; // first: the budget figures count from the first line of our code
import '@/src/page-marker/marks.css';
import { startContent } from '@/src/page-marker/start.ts';

export default defineUnlistedScript(() => {
  void startContent();
});
