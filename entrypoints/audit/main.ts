import { browserDeps } from '@/src/audit-page/audit-browser.ts';
import { startAuditPage } from '@/src/audit-page/report-page.ts';

startAuditPage(document, document.getElementById('audit')!, browserDeps(location.search));
