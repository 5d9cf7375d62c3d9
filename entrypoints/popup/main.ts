import { browserDeps } from '@/src/popup/popup-browser.ts';
import { startPopup } from '@/src/popup/popup-controller.ts';

startPopup(document, browserDeps(location.search));
