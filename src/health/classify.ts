/**
 * From one exchange to one finding. Pure: the network is already behind us, history is ahead (confirm.ts).
 * Order matters and is the policy: bot walls before status codes (a challenge page may come with 403, 404, 503
 * or 200), parking before "alive", and only clear signals reach "dead".
 */
import { botWallEvidence } from './bot-wall.ts';
import type { Finding } from './confirm.ts';
import { readPage, type PageText } from './page-text.ts';
import { parkedEvidence, isParkingHost } from './parked.ts';
import { sameSite, siteOf } from './site.ts';
import { addressNamesErrorPage, deepLinkLandsOnHome, isRootLike, pageSaysMissing } from './soft404.ts';
import { hostnameOf } from './host.ts';
import { isHtmlLike, type Exchange } from './transport.ts';

export interface Classified extends Finding {
  /** For moved links, and dead links that first crossed to another site: where the organisation lives now. */
  newHome: string | null;
  /** The page is 2xx HTML at a deep address that nothing else condemned: worth the sibling probe (checker.ts). */
  needsSiblingProbe: boolean;
  page: PageText | null;
}

/** URL shorteners and trackers: crossing to the real site is not a move. */
const PASS_THROUGH_SITES = new Set([
  'bit.ly',
  't.co',
  'tinyurl.com',
  'goo.gl',
  'ow.ly',
  'buff.ly',
  'rebrand.ly',
  'lnkd.in',
  'is.gd',
  'tiny.cc',
  'fb.me',
  'youtu.be',
]);

/** Sign-in services a link may bounce to: the resource exists, we are just not signed in. */
const SIGN_IN_HOSTS = [
  'accounts.google.com',
  'login.microsoftonline.com',
  'login.live.com',
  'auth0.com',
  'okta.com',
  'login.salesforce.com',
];
const SIGN_IN_PATH =
  /\/(login|log-in|signin|sign-in|sign_in|wp-login\.php|account\/login|users\/sign_in|auth\/login|sso)\b/i;

/** The statuses that say on their own that the page is no more. */
const GONE_STATUSES: Record<number, { reason: 'not-found' | 'gone'; detail: string } | undefined> = {
  404: { reason: 'not-found', detail: 'the server says Not Found (404)' },
  410: { reason: 'gone', detail: 'the server says Gone (410): removed on purpose' },
};

export function classifyExchange(ex: Exchange): Classified {
  const base = { newHome: null, needsSiblingProbe: false, page: null };
  const hosts = ex.hops
    .map((h) => hostnameOf(h.url))
    .concat(hostnameOf(ex.finalUrl))
    .filter(Boolean);

  if (ex.failure) return { ...base, ...failureFinding(ex) };

  const status = ex.status ?? 0;
  const html = isHtmlLike(ex.headers['content-type']) && ex.body.length > 0;
  const page = html ? readPage(ex.body) : null;
  const withPage = { ...base, page };

  const wall = botWallEvidence(status, ex.headers, page);
  if (wall) return { ...withPage, kind: 'unclear', reason: 'bot-wall', detail: wall };

  const crossed = crossSiteTarget(ex);
  const parkingHop = hosts.find((h) => isParkingHost(h));
  if (parkingHop)
    return {
      ...withPage,
      kind: 'dead',
      reason: 'parked',
      detail: `redirects to the domain-parking service ${parkingHop}`,
    };

  const gone = GONE_STATUSES[status];
  if (gone) return { ...withPage, newHome: crossed, kind: 'dead', ...gone };
  if (status === 401 || status === 407)
    return { ...withPage, kind: 'unclear', reason: 'login-required', detail: `asks for a login (${status})` };
  if (status === 429)
    return { ...withPage, kind: 'unclear', reason: 'rate-limited', detail: 'the server asked us to slow down (429)' };
  if (status === 408) return { ...withPage, kind: 'failed', reason: 'timeout', detail: 'the server timed out (408)' };
  if (status >= 500) return { ...withPage, kind: 'failed', reason: 'server-error', detail: `server error (${status})` };
  if (status === 403 || status === 451 || status === 406)
    return {
      ...withPage,
      kind: 'unclear',
      reason: 'forbidden',
      detail: `the server refused this request (${status}); a person may still get in`,
    };
  if (status >= 400)
    return {
      ...withPage,
      kind: 'unclear',
      reason: 'bad-response',
      detail: `the server rejected the request (${status})`,
    };
  if (status >= 300)
    return {
      ...withPage,
      kind: 'unclear',
      reason: 'bad-response',
      detail: `a redirect (${status}) without a usable address`,
    };
  if (status < 200)
    return { ...withPage, kind: 'unclear', reason: 'bad-response', detail: `unexpected status ${status}` };

  // 2xx from here on.
  if (page) {
    const parked = parkedEvidence(page, hosts);
    if (parked.parked) return { ...withPage, kind: 'dead', reason: 'parked', detail: parked.detail };
  }
  if (ex.redirectsKnown && ex.hops.length > 1) {
    if (addressNamesErrorPage(ex.finalUrl, ex.requestedUrl)) {
      return { ...withPage, kind: 'dead', reason: 'soft-404', detail: 'redirects to an error page' };
    }
    if (deepLinkLandsOnHome(ex.requestedUrl, ex.finalUrl)) {
      return {
        ...withPage,
        kind: 'dead',
        reason: 'soft-404',
        detail: "redirects to the site's home page: the page itself is gone",
      };
    }
  }
  if (page) {
    const missing = pageSaysMissing(page);
    if (missing) return { ...withPage, newHome: crossed, kind: 'dead', reason: 'soft-404', detail: missing };
  }
  if (signInBounce(ex))
    return { ...withPage, kind: 'unclear', reason: 'login-required', detail: 'redirects to a sign-in page' };
  if (crossed)
    return {
      ...withPage,
      newHome: ex.finalUrl,
      kind: 'moved',
      reason: 'moved',
      detail: `now answers at ${siteOf(ex.finalUrl)}`,
    };

  const deep = (() => {
    try {
      return !isRootLike(new URL(ex.finalUrl));
    } catch {
      return false;
    }
  })();
  return {
    ...withPage,
    kind: 'alive',
    reason: 'ok',
    detail: status === 200 ? 'answers normally' : `answers ${status}`,
    needsSiblingProbe: Boolean(page) && deep,
  };
}

function failureFinding(ex: Exchange): Finding {
  const d = ex.failureDetail;
  switch (ex.failure) {
    case 'no-such-domain':
      return {
        kind: 'dead',
        reason: 'no-such-domain',
        detail: `the domain ${hostnameOf(lastAddress(ex))} no longer exists`,
      };
    case 'dns-error':
      return { kind: 'failed', reason: 'dns-error', detail: 'the name could not be looked up just now' };
    case 'refused':
      return { kind: 'failed', reason: 'refused', detail: 'the server refused the connection' };
    case 'reset':
      return { kind: 'failed', reason: 'reset', detail: 'the connection was dropped' };
    case 'timeout':
      return { kind: 'failed', reason: 'timeout', detail: 'no answer in time' };
    case 'tls-error':
      return { kind: 'unclear', reason: 'tls-error', detail: `the site's certificate is not valid (${d})` };
    case 'unreachable':
    case 'offline':
      return { kind: 'offline', reason: 'offline', detail: 'this computer appears to be offline' };
    case 'redirect-loop':
      return ex.hops.some((h) => h.setsCookie)
        ? { kind: 'unclear', reason: 'needs-cookies', detail: 'redirects in a circle unless cookies are accepted' }
        : { kind: 'dead', reason: 'redirect-loop', detail: 'redirects in a circle and never arrives' };
    case 'too-many-redirects':
      return {
        kind: 'dead',
        reason: 'redirect-loop',
        detail: `more than ${ex.hops.length - 1} redirects without arriving`,
      };
    case 'private-address':
      return { kind: 'unclear', reason: 'private-address', detail: 'redirects into a private network, not followed' };
    case 'bad-response':
      return { kind: 'unclear', reason: 'bad-response', detail: `the answer could not be read (${d})` };
    default:
      // A browser's bare "Failed to fetch" says nothing about the link: a missing host permission fails the same way.
      return {
        kind: 'unclear',
        reason: 'bad-response',
        detail: `the request failed without a reason (${d || 'unknown'})`,
      };
  }
}

/** The first address on another site the redirects reached, when that is a real move (not a shortener). */
function crossSiteTarget(ex: Exchange): string | null {
  if (!ex.redirectsKnown && ex.finalUrl === ex.requestedUrl) return null;
  const from = safeSite(ex.requestedUrl);
  if (!from || PASS_THROUGH_SITES.has(from)) return null;
  const chain = ex.hops.length ? ex.hops.map((h) => h.url).concat(ex.finalUrl) : [ex.finalUrl];
  for (const u of chain) {
    const s = safeSite(u);
    if (s && s !== from && !PASS_THROUGH_SITES.has(s)) {
      if (SIGN_IN_HOSTS.some((h) => hostnameOf(u).endsWith(h))) return null;
      return new URL(u).origin + '/';
    }
  }
  return null;
}

function signInBounce(ex: Exchange): boolean {
  if (ex.finalUrl === ex.requestedUrl) return false;
  try {
    const to = new URL(ex.finalUrl);
    if (SIGN_IN_HOSTS.some((h) => to.hostname.endsWith(h))) return true;
    return (
      sameSite(to, ex.requestedUrl) &&
      SIGN_IN_PATH.test(to.pathname) &&
      !SIGN_IN_PATH.test(new URL(ex.requestedUrl).pathname)
    );
  } catch {
    return false;
  }
}

function lastAddress(ex: Exchange): string {
  return ex.hops.length ? ex.finalUrl : ex.requestedUrl;
}

function safeSite(u: string): string {
  try {
    return siteOf(new URL(u));
  } catch {
    return '';
  }
}
