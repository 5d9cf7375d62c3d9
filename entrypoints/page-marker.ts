// The marker: run by the background in a page where the first look (entrypoints/page-look.ts) found a link that could
// be a resource, or where a person asked for it (src/page-messages.ts). Its stylesheet is the manifest's, with the
// first look, so that marks are drawn styled however the marker came.
import '@/src/page-marker/loaded-at.ts'; // first: the budget figures count from the first line of our code
import '@/src/page-marker/marks.css';
import { startContent } from '@/src/page-marker/start.ts';

export default defineUnlistedScript(() => {
  void startContent();
});
