import { localizePage } from '@/src/i18n.ts';
import { browserDeps } from '@/src/popup/popup-browser.ts';
import { startPopup } from '@/src/popup/popup-controller.ts';

localizePage(document);
startPopup(document, browserDeps(location.search));
