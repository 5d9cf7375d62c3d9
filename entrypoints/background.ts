import { startBackground } from '@/src/background/start.ts';

export default defineBackground(() => {
  startBackground();
});
