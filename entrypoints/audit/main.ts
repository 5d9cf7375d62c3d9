import { browserDeps } from '@/src/audit/audit-browser.ts';
import { startTabReport } from '@/src/audit/tab-report.ts';

startTabReport(document, document.getElementById('audit')!, browserDeps(location.search));
