/**
 * The plain-words description every mark carries, read on hover, on keyboard focus and by screen readers:
 * "Not found (404) when checked on 28 Nov 2026. Archived copy from June 2008."
 */
import type { LinkVerdict } from '../messages.ts';
import { siteName } from './site-name.ts';

const REASONS: Record<string, string> = {
  ok: 'Working',
  moved: 'Moved',
  'not-found': 'Not found',
  gone: 'Removed by the site',
  'no-such-domain': 'The website’s domain no longer exists',
  'soft-404': 'The page is gone (the site shows an error or its home page instead)',
  parked: 'The domain is parked or for sale',
  'redirect-loop': 'The link redirects in a circle',
  'server-error': 'The site had a server error',
  timeout: 'The site did not answer in time',
  reset: 'The connection was dropped',
  refused: 'The site refused the connection',
  'dns-error': 'The name could not be looked up',
  'bot-wall': 'The site blocks automatic checks; it may work for you',
  'rate-limited': 'The site asked us to slow down',
  forbidden: 'The site refused the automatic check; it may work for you',
  'login-required': 'The page needs a login',
  'tls-error': 'The site’s security certificate is not valid',
  'needs-cookies': 'The site needs cookies; it may work for you',
  'cannot-tell': 'Could not tell whether this page exists',
  'bad-response': 'The site’s answer could not be read',
  offline: 'Not checked: this computer seemed offline',
  'not-web-link': 'Not a web link',
  'private-address': 'A private-network address, not checked',
  'invalid-url': 'Not a valid address',
};

export function formatDay(iso: string, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(locale ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatMonth(timestamp: string, locale?: string): string {
  const d = new Date(Date.UTC(Number(timestamp.slice(0, 4)), Number(timestamp.slice(4, 6)) - 1, 1));
  return d.toLocaleDateString(locale ?? 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function describeVerdict(v: LinkVerdict, locale?: string): string {
  const reason = REASONS[v.reason] ?? v.reason;
  const status = v.status && v.verdict !== 'alive' && v.verdict !== 'moved' && v.status >= 400 ? ` (${v.status})` : '';
  const parts = [`${v.verdict === 'moved' ? `Moved to ${siteName(v.newHome ?? v.finalUrl ?? '')}` : `${reason}${status}`} when checked on ${formatDay(v.checkedAt, locale)}.`];
  if (v.verdict === 'dead' && v.archive) parts.push(`Archived copy from ${formatMonth(v.archive.timestamp, locale)}.`);
  if (v.verdict === 'dead' && v.newHome) parts.push(`The organisation is now at ${siteName(v.newHome)}.`);
  if (v.verdict === 'dead') parts.push('You may still try the link.');
  return parts.join(' ');
}
