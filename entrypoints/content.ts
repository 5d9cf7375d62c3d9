import '@/src/page/loaded-at.ts'; // first: the budget figures count from the first line of our code
import '@/src/page/marks.css';
import { startContent } from '@/src/page/start.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    void startContent((cb) => ctx.onInvalidated(cb));
  },
});
