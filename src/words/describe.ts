/**
 * The verdict's words for every surface of the extension — the page's marks, the popup, the options page, the audit
 * page — so that each says a verdict the same way. Above all the plain-words description every mark carries, read on
 * hover, on keyboard focus and by screen readers:
 * "Not found (404) when checked on 28 Nov 2026. Archived copy from June 2008." — in the browser's UI language
 * (src/i18n.ts), never the page's: the reader is the extension's user, whatever language the page is in.
 */
import { dateLocale, t, type MessageKey } from '../i18n.ts';
import type { LinkVerdict } from '../messages.ts';
import { siteName } from './site-name.ts';

/** Reason codes stay as they are (the marking contract); only their words are translated. */
const REASONS: Record<string, MessageKey> = {
  ok: 'reason_ok',
  moved: 'reason_moved',
  'not-found': 'reason_not_found',
  gone: 'reason_gone',
  'no-such-domain': 'reason_no_such_domain',
  'soft-404': 'reason_soft_404',
  parked: 'reason_parked',
  'redirect-loop': 'reason_redirect_loop',
  'server-error': 'reason_server_error',
  timeout: 'reason_timeout',
  reset: 'reason_reset',
  refused: 'reason_refused',
  'dns-error': 'reason_dns_error',
  'bot-wall': 'reason_bot_wall',
  'rate-limited': 'reason_rate_limited',
  forbidden: 'reason_forbidden',
  'login-required': 'reason_login_required',
  'tls-error': 'reason_tls_error',
  'needs-cookies': 'reason_needs_cookies',
  'cannot-tell': 'reason_cannot_tell',
  'bad-response': 'reason_bad_response',
  offline: 'reason_offline',
  'not-web-link': 'reason_not_web_link',
  'private-address': 'reason_private_address',
  'invalid-url': 'reason_invalid_url',
};

/** The words for a reason code; a code we have no words for is shown as it is. */
export function reasonText(reason: string): string {
  const key = Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;
  return key ? t(key) : reason;
}

// A page of 10,000 links formats as many dates: one formatter per locale, not one per call.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, kind: 'day' | 'month'): Intl.DateTimeFormat {
  const id = `${kind} ${locale}`;
  let f = formatters.get(id);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
        : { month: 'long', year: 'numeric', timeZone: 'UTC' };
    formatters.set(id, (f = new Intl.DateTimeFormat(locale, options)));
  }
  return f;
}

/** "2026-11-28T…" → "28 Nov 2026" / "28 nov 2026"; `locale` defaults to the UI language's (src/i18n.ts dateLocale). */
export function formatDay(iso: string, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatter(locale ?? dateLocale(), 'day').format(d);
}

/** A Wayback timestamp "20080601…" → "June 2008" / "junio de 2008". */
export function formatMonth(timestamp: string, locale?: string): string {
  const d = new Date(Date.UTC(Number(timestamp.slice(0, 4)), Number(timestamp.slice(4, 6)) - 1, 1));
  return Number.isNaN(d.getTime()) ? '' : formatter(locale ?? dateLocale(), 'month').format(d);
}

export function describeVerdict(v: LinkVerdict, locale?: string): string {
  const day = formatDay(v.checkedAt, locale);
  const status = v.status && v.verdict !== 'alive' && v.verdict !== 'moved' && v.status >= 400 ? ` (${v.status})` : '';
  const site = siteName(v.newHome ?? v.finalUrl ?? '');
  const reason = `${reasonText(v.reason)}${status}`;
  // A subscribed feed's verdict says who checked it: the reader knows it was not this browser.
  const first =
    v.checkedBy !== undefined
      ? v.verdict === 'moved'
        ? t('checked_moved_by', site, v.checkedBy, day)
        : t('checked_by', reason, v.checkedBy, day)
      : v.verdict === 'moved'
        ? t('checked_moved', site, day)
        : t('checked', reason, day);
  const parts = [first];
  if (v.verdict === 'dead' && v.archive) parts.push(t('archived_copy_from', formatMonth(v.archive.timestamp, locale)));
  if (v.verdict === 'dead' && v.newHome) parts.push(t('now_at_sentence', siteName(v.newHome)));
  if (v.verdict === 'dead') parts.push(t('may_still_try'));
  return parts.join(' ');
}

/** The text of the link to a dead link's archived copy: "archived 2008". */
export function archiveLinkText(timestamp: string): string {
  return t('mark_archived', timestamp.slice(0, 4));
}

/** The text naming a dead link's group's current site: "now at dbsalliance.org". */
export function newHomeText(url: string): string {
  return t('mark_now_at', siteName(url));
}

/** "Recovery, Inc. is now Recovery International: recoveryinternational.org" */
export function namedHomeText(named: string, group: string, url: string): string {
  return t('mark_named_now_at', named, group, siteName(url));
}
