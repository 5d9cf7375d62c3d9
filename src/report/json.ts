/**
 * The audit as one JSON document: the report model as is, with a format version so scripts can rely on it.
 * Every link is an object with url, verdict, reason, detail, status, finalUrl, newHome, archive, checkedAt and
 * foundOn (page, text, position, and in a PDF its place: page, label, line), worst first — those keys and no others
 * (the report's `newHomeNamed`, how a new home was found, is for the readable formats). When documents were read,
 * `numbers` lists the phone numbers to update and `summary.numbers` counts them.
 */
import type { AuditReport } from './model.ts';

export const AUDIT_JSON_VERSION = 1;

export function renderJson(report: AuditReport): string {
  const { rows, ...rest } = report;
  const links = rows.map(({ newHomeNamed: _how, ...link }) => link);
  return `${JSON.stringify({ version: AUDIT_JSON_VERSION, ...rest, links }, null, 2)}\n`;
}
