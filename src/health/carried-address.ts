/**
 * Links that only forward somewhere else: a directory site's own `redirect.php?url=…`, a "you are leaving this site"
 * page, a search engine's or a social site's click wrapper (`google.com/url?q=…`, `l.facebook.com/l.php?u=…`), a mail
 * scanner's rewritten link (Outlook Safe Links, Proofpoint URL Defense). A person who follows one ends up at the
 * address it carries, so that address is what spotting reads and what the verdict is about; the wrapper itself is
 * never fetched. A share button carries the page to post, not a place to go: it is no wrapper.
 */

/** Query parameters that carry the destination, by the names wrappers use (compared in lower case). */
const CARRYING_PARAMETERS = new Set([
  'url',
  'u',
  'q',
  'target',
  'dest',
  'destination',
  'redirect',
  'redirect_url',
  'redirecturl',
  'redir',
  'link',
  'goto',
  'out',
  'exit',
  'external',
  'ext',
  'href',
  'site',
]);

/** Share intents: their `u=`/`url=` is the page being shared (spotting turns them away by this same test). */
const SHARE_INTENT =
  /^(www\.)?(facebook\.com\/(sharer|share\.php|dialog\/share)|(twitter|x)\.com\/(intent|share)|linkedin\.com\/(shareArticle|sharing|cws\/share)|pinterest\.com\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|wa\.me\/\?|t\.me\/share|tumblr\.com\/(share|widgets\/share)|(www\.)?addthis\.com|(www\.)?sharethis\.com|bsky\.app\/intent)/i;

/** A wrapper's destination is an address, not a page of text: longer than this, it is no wrapper we read. */
const MAX_CARRIED_LENGTH = 2048;
/** Wrappers inside wrappers (a scanned mail quoting a tracked link): this many layers, then the address as it is. */
const MAX_LAYERS = 3;

/**
 * The cheap test before any parsing: an "http" after a query's "=" (plain or escaped), or a Proofpoint address.
 * Everything carriedAddress would unwrap passes it; the ordinary link does not.
 */
const MAY_CARRY = /=https?(?::|%3a)|urldefense/i;

export function mayCarryAddress(href: string): boolean {
  return MAY_CARRY.test(href);
}

/** Whether host + path is a share button's intent ("facebook.com/sharer/sharer.php"). */
export function isShareIntent(hostAndPath: string): boolean {
  return SHARE_INTENT.test(hostAndPath);
}

/** The address a wrapper carries, unwrapped layer by layer; null when `href` is no wrapper. */
export function carriedAddress(href: string): string | null {
  let current = href;
  let found: string | null = null;
  for (let layer = 0; layer < MAX_LAYERS && mayCarryAddress(current); layer++) {
    const inner = oneLayer(current);
    if (inner === null) break;
    found = current = inner;
  }
  return found;
}

/** The address a link stands for: the one it carries when it is a wrapper, itself otherwise. */
export function destinationOf(href: string): string {
  return carriedAddress(href) ?? href;
}

function oneLayer(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (isShareIntent(`${url.hostname}${url.pathname}`)) return null;
  const proofpoint = proofpointDestination(url);
  if (proofpoint !== null) return proofpoint;
  for (const [name, value] of url.searchParams) {
    if (!CARRYING_PARAMETERS.has(name.toLowerCase())) continue;
    const address = webAddress(value) ?? webAddress(safeDecode(value));
    if (address !== null) return address;
  }
  return null;
}

/**
 * Proofpoint URL Defense, which rewrites every link of a scanned mail: v3 keeps the address between "/v3/__" and
 * "__;"; v2 keeps it in `u=` with "-" for "%" and "_" for "/".
 */
function proofpointDestination(url: URL): string | null {
  if (!/(^|\.)urldefense(\.proofpoint)?\.com$/i.test(url.hostname)) return null;
  if (url.pathname.startsWith('/v3/__')) {
    const whole = url.href.slice(url.href.indexOf('/v3/__') + '/v3/__'.length);
    const end = whole.indexOf('__;');
    return webAddress(end === -1 ? whole : whole.slice(0, end));
  }
  if (url.pathname.startsWith('/v2/url')) {
    const u = url.searchParams.get('u');
    if (u === null) return null;
    return webAddress(safeDecode(u.replace(/_/g, '/').replace(/-([0-9A-F]{2})/g, '%$1')));
  }
  return null;
}

/** `value` when it is a whole http(s) address (as the URL parser writes it), null otherwise. */
function webAddress(value: string): string | null {
  if (value.length > MAX_CARRIED_LENGTH || !/^https?:\/\//i.test(value)) return null;
  try {
    const u = new URL(value);
    return u.hostname ? u.href : null;
  } catch {
    return null;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
