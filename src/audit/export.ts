/**
 * CSV and JSON downloads of the audit page: the CLI's own renderers (src/report/csv.ts, json.ts) over the CLI's own
 * report model, so a spreadsheet or a script reads the extension's export exactly as it reads `still-there audit
 * --format csv|json`.
 */
import { renderCsv } from '../report/csv.ts';
import { renderJson } from '../report/json.ts';
import type { AuditReport } from '../report/model.ts';
import { auditReportOf, type AuditEntry } from './rows.ts';

export type ExportFormat = 'csv' | 'json';

export interface ExportFile {
  text: string;
  filename: string;
  mime: string;
  report: AuditReport;
}

export function exportFile(
  entries: readonly AuditEntry[],
  options: { page: string; scope: AuditReport['scope']; format: ExportFormat; now: Date },
): ExportFile {
  const report = auditReportOf(entries, {
    page: options.page,
    scope: options.scope,
    generatedAt: options.now.toISOString(),
  });
  const text = options.format === 'csv' ? renderCsv(report) : renderJson(report);
  const mime = options.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
  return {
    text,
    mime,
    report,
    filename: `still-there-audit-${fileSafeHost(options.page)}-${options.now.toISOString().slice(0, 10)}.${options.format}`,
  };
}

/** "https://www.county.org/help" → "www.county.org"; the name a download gets must be a plain file name. */
function fileSafeHost(page: string): string {
  let host = '';
  try {
    host = new URL(page).hostname;
  } catch {
    /* not an address */
  }
  return host.replace(/[^a-z0-9.-]+/gi, '_').replace(/^[.-]+/, '') || 'page';
}

/** Saves the file through the browser's own download of a Blob: no permission needed, nothing leaves the computer. */
export function download(doc: Document, file: Pick<ExportFile, 'text' | 'filename' | 'mime'>): void {
  const view = doc.defaultView!;
  const url = view.URL.createObjectURL(new view.Blob([file.text], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // The click has started the download by the time a task has passed; then the Blob may go.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
}
