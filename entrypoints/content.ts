import '@/src/page/marks.css';
import { startContent } from '@/src/page/start.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    void startContent((cb) => ctx.onInvalidated(cb));
  },
});
