/**
 * Every text the "Audit this page" report shows, in one object: a thin layer over the messages of
 * public/_locales (src/i18n.ts), keys `audit_*`. Each entry is a function, so the message is looked up when the
 * page draws, never when this module loads (unit tests hand in the messages first: tests/unit/i18n-helper.ts).
 * The popup's button and the context-menu item that open the report are messages of their own: audit_open_button,
 * audit_open_button_hint, audit_menu_item.
 * Only the words are translated: verdict and reason codes stay as the CLI prints them wherever they are data
 * (data-* attributes, filter values, the CSV/JSON exports); the reason column shows the code beside its words.
 * Dates follow the UI language (dateLocale).
 */
import type { Verdict } from '../health/verdict.ts';
import { dateLocale, t, tn, uiLanguage, type MessageKey } from '../i18n.ts';
import { namedHomeText, reasonText } from '../words/describe.ts';
import type { RowStatus, Tally } from './rows.ts';

export type Column = 'verdict' | 'reason' | 'url' | 'text' | 'position' | 'resource' | 'replacement';

const COLUMNS: Record<Column, MessageKey> = {
  verdict: 'audit_column_verdict',
  reason: 'audit_column_reason',
  url: 'audit_column_url',
  text: 'audit_column_text',
  position: 'audit_column_position',
  resource: 'audit_column_resource',
  replacement: 'audit_column_replacement',
};

const VERDICTS: Record<Verdict, MessageKey> = {
  dead: 'audit_verdict_dead',
  moved: 'audit_verdict_moved',
  unverified: 'audit_verdict_unverified',
  alive: 'audit_verdict_alive',
};

// A page of thousands of links formats as many times: one formatter per locale.
const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** "2026-11-28T10:00:00.000Z" → "28 Nov 2026, 10:00 UTC" / "28 nov 2026, 10:00 UTC": UTC, as the exports write it. */
function checkedTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = dateLocale();
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    timeFormats.set(locale, f);
  }
  return f.format(d);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** A Wayback timestamp "20080513062455" → "13 May 2008" / "13 may 2008". */
function captureDay(timestamp: string): string {
  const d = new Date(
    Date.UTC(Number(timestamp.slice(0, 4)), Number(timestamp.slice(4, 6)) - 1, Number(timestamp.slice(6, 8))),
  );
  if (Number.isNaN(d.getTime())) return timestamp;
  const locale = dateLocale();
  let f = dayFormats.get(locale);
  if (!f)
    dayFormats.set(
      locale,
      (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })),
    );
  return f.format(d);
}

export const AUDIT_STRINGS = {
  /** The page's lang: the language its texts are in. */
  language: () => uiLanguage(),
  documentTitle: (page: string) => t('audit_document_title', page),
  heading: () => t('audit_heading'),
  loading: () => t('audit_loading'),
  noTab: () => t('audit_no_tab'),
  unreachable: () => t('audit_unreachable'),
  truncated: (shown: number) => t('audit_truncated', shown),
  noLinks: () => t('audit_no_links'),

  summary: (s: Tally) => {
    const summary = t(
      'audit_summary',
      tn('audit_links', s.links),
      tn('audit_dead', s.dead),
      tn('audit_moved', s.moved),
      tn('audit_unverified', s.unverified),
      tn('audit_alive', s.alive),
    );
    return s.checked < s.links ? tn('audit_summary_pending', s.links - s.checked, summary) : summary;
  },
  allChecked: (summary: string) => t('audit_all_checked', summary),
  shown: (shown: number, total: number) => tn('audit_shown', total, shown),

  filtersLabel: () => t('audit_filters_label'),
  filterVerdict: () => t('audit_column_verdict'),
  filterReason: () => t('audit_column_reason'),
  filterResource: () => t('audit_filter_resource'),
  filterText: () => t('audit_filter_text'),
  anyVerdict: () => t('audit_any_verdict'),
  anyReason: () => t('audit_any_reason'),
  verdictOption: (label: string, count: number) => `${label} (${count})`,

  exportLabel: () => t('audit_export_label'),
  exportCsv: () => t('audit_export_csv'),
  exportJson: () => t('audit_export_json'),
  exportHint: (links: number, scope: 'resources' | 'all', pending: number) => {
    const hint = scope === 'resources' ? tn('audit_export_hint_resources', links) : tn('audit_export_hint', links);
    return pending ? tn('audit_export_pending', pending, hint) : hint;
  },

  tableCaption: () => t('audit_table_caption'),
  column: (column: Column) => t(COLUMNS[column]),
  sortBy: (column: string) => t('audit_sort_by', column),

  verdict: (v: Verdict) => t(VERDICTS[v]),
  /** A row's status, as the verdict filter offers it: a verdict, or still checking, or not checked yet. */
  status: (status: RowStatus) =>
    status === 'checking'
      ? t('audit_status_checking')
      : status === 'not-yet'
        ? t('audit_not_yet')
        : t(VERDICTS[status]),
  checking: () => t('audit_checking'),
  notYet: () => t('audit_not_yet'),
  rechecking: () => t('audit_rechecking'),
  /** The words for a reason code (the code itself is shown beside them, as the exports write it). */
  reason: (reason: string) => reasonText(reason),
  noReason: () => '—',
  httpStatus: (status: number | null) => (status === null ? t('audit_no_answer') : `HTTP ${status}`),
  endsAt: (url: string) => t('audit_ends_at', url),
  checkedAt: (iso: string) => t('audit_checked_at', checkedTime(iso)),
  /** A verdict from a subscribed feed: who checked, and when. */
  checkedBy: (publisher: string, iso: string) => t('audit_checked_by', publisher, checkedTime(iso)),
  notYetDetail: () => t('audit_not_yet_detail'),
  position: (n: number) => `#${n}`,
  positionLabel: (n: number) => t('audit_position_label', n),
  /** A link's words on the page, quoted. */
  words: (text: string) => `“${text}”`,
  noWords: () => t('audit_no_words'),
  resourceYes: () => t('audit_resource_yes'),
  resourceNo: () => '—',
  resourceYesLabel: () => t('audit_resource_yes_label'),
  resourceNoLabel: () => t('audit_resource_no_label'),
  newHome: (verdict: Verdict) => (verdict === 'moved' ? t('audit_now_at') : t('audit_new_home')),
  namedHome: (named: string, group: string, url: string) => namedHomeText(named, group, url),
  /** `timestamp` is the Wayback Machine's, 20080513062455. */
  archived: (timestamp: string) => t('audit_archived', captureDay(timestamp)),
  noReplacement: (verdict: Verdict | null) => (verdict === 'dead' ? t('audit_none_known') : '—'),
} as const;

export type AuditStrings = typeof AUDIT_STRINGS;
