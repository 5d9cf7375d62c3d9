/**
 * Links that only forward somewhere else: a directory site's own `redirect.php?url=…`, a "you are leaving this site"
 * page, a search engine's or a social site's click wrapper (`google.com/url?q=…`, `l.facebook.com/l.php?u=…`), a mail
 * scanner's rewritten link (Outlook Safe Links, Proofpoint URL Defense). A person who follows one ends up at the
 * address it carries, so that address is what spotting reads and what the verdict is about; the wrapper itself is
 * never fetched. A share button carries the page to post, not a place to go: it is no wrapper.
 *
 * Two kinds of wrapper are read:
 *   - the known forms, on any site: a parameter by a name wrappers use (url=, u=, q=, dest= …) holding a whole
 *     http(s) address, plain or percent-encoded, and Proofpoint's rewritten links;
 *   - any other form, but only on the page's own site or a known click-tracker, where a link that carries an address
 *     is there to send the reader on: any parameter name, a path (/out/www.example.org/…, /go/https%3A…) or the
 *     fragment, the address with or without its scheme, percent- or base64-encoded. Elsewhere an address inside a
 *     link is as often a search, a share or a page to come back to as a destination.
 * An address written without its scheme ("www.aa-area.org") counts only when its host ends in a public suffix, and
 * never when it is on the wrapper's own site: "login?next=www.site.org/meetings" is a page to come back to.
 */
import { roughSite } from './rough-site.ts';
import { TOP_LEVEL_DOMAINS } from './top-level-domains.generated.ts';

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

/**
 * Parameters that hold an address but not the place the link goes (read in the general forms only): campaign and
 * referrer tags (utm_source=facebook.com), searches (q=aa.org on a site's own search), files, a page to come back to.
 */
const NOT_A_DESTINATION =
  /^(?:utm_.*|ref|referr?er|source|src|from|origin|return.*|back.*|next|continue|callback|cancel.*|success.*|error.*|fail.*|lang|locale|hl|e?mail|user.*|author|file.*|image.*|img|photo|icon|thumb.*|css|js|v|ver|version|theme|q|query|search.*|s|keywords?|term|text|title|name|domain|host(?:name)?)$/i;

/**
 * Click-trackers that send every click through themselves, by host and the path their wrapper lives under: their
 * wrappers are read in every form, on any page.
 */
const TRACKERS = [
  [String.raw`(?:www\.)?google\.(?:[a-z]{2,3}|com?\.[a-z]{2})`, '/url'],
  [String.raw`lm?\.facebook\.com`, '/l.php'],
  [String.raw`l\.messenger\.com`, '/l.php'],
  [String.raw`l\.instagram\.com`, '/'],
  [String.raw`(?:www\.)?youtube\.com`, '/redirect'],
  [String.raw`[a-z0-9-]+\.safelinks\.protection\.outlook\.com`, '/'],
  [String.raw`linkprotect\.cudasvc\.com`, '/url'],
  [String.raw`clicktime\.symantec\.com`, '/'],
  [String.raw`(?:www\.)?linkedin\.com`, '/redir/'],
  [String.raw`out\.reddit\.com`, '/'],
  [String.raw`slack-redir\.net`, '/link'],
  [String.raw`(?:m\.)?vk\.com`, '/away.php'],
  [String.raw`duckduckgo\.com`, '/l/'],
  [String.raw`r\.search\.yahoo\.com`, '/'],
  [String.raw`t\.umblr\.com`, '/redirect'],
  [String.raw`go\.redirectingat\.com`, '/'],
  [String.raw`steamcommunity\.com`, '/linkfilter/'],
  [String.raw`href\.li`, '/'],
  [String.raw`exit\.sc`, '/'],
] as const;

/** Built on first use: most pages link through no wrapper and never ask. */
let trackersCache: ReadonlyArray<readonly [RegExp, string]> | null = null;
const clickTrackers = () =>
  (trackersCache ??= TRACKERS.map(([host, path]) => [new RegExp(`^${host}$`), path] as const));
let trackerHostCache: RegExp | null = null;
/** Every click-tracker's host in one pattern: the precheck asks of every host a page links to. */
const trackerHost = () => (trackerHostCache ??= new RegExp(`^(?:${TRACKERS.map(([host]) => host).join('|')})$`));

/** Share intents: their `u=`/`url=` is the page being shared (spotting turns them away by this same test). */
const SHARE_INTENT =
  /^(www\.)?(facebook\.com\/(sharer|share\.php|dialog\/share)|(twitter|x)\.com\/(intent|share)|linkedin\.com\/(shareArticle|sharing|cws\/share)|pinterest\.com\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|wa\.me\/\?|t\.me\/share|tumblr\.com\/(share|widgets\/share)|(www\.)?addthis\.com|(www\.)?sharethis\.com|bsky\.app\/intent)/i;

/** A wrapper's destination is an address, not a page of text: longer than this, it is no wrapper we read. */
const MAX_CARRIED_LENGTH = 2048;
/** Wrappers inside wrappers (a scanned mail quoting a tracked link): this many layers, then the address as it is. */
const MAX_LAYERS = 3;
/** Encodings inside encodings ("https%253A…" is percent-encoded twice): this many, then the value as it is. */
const MAX_DECODINGS = 3;

/**
 * The cheap test for the known forms before any parsing: an "http" after a query's "=" (plain or escaped), or a
 * Proofpoint address. Everything the known forms unwrap passes it; the ordinary link does not.
 */
const MAY_CARRY = /=https?(?::|%3a)|urldefense/i;

/**
 * The cheap test for the other forms, on a link of the page's own site or a click-tracker: after a "=", "/", "#" or
 * "!" (not the "//" before a host), an address's scheme (plain or escaped), "www.", a dotted name, or the base64 of
 * "http" or "www.". Everything the general forms unwrap passes it. A NUL ends an address as the end of the text
 * does: the page precheck (src/first-look/page-precheck.ts) reads all of a page's addresses joined by NULs.
 */
const MAY_CARRY_ANY_FORM =
  /[=?#!](?:https?|www|aHR0c|d3d3L|[a-z0-9-]+\.[a-z0-9-])|[^/]\/(?:https?(?::|%(?:25)*3a)|www\.|[a-z0-9-]+\.[a-z0-9.-]*[a-z0-9](?:[/?#\0]|$)|aHR0c|d3d3L)/i;

/** Path segments that name a redirect script: an address without its scheme counts in the path only after one. */
const WRAPPER_SEGMENT =
  /^(?:out|go|goto|redirect|redir|r|exit|away|leave|leaving|external|ext|visit|url|to|click|jump|forward|fwd|outbound|outgoing)(?:\.(?:php|aspx?|cgi|pl|jsp|cfm|html?))?$/i;

/** A whole http(s) address at the start of a value. */
const SCHEMED = /^https?:\/\//i;
/** A percent-escape of the address's first characters ("https%3A", or "https%253A" escaped twice). */
const ESCAPED = /^(?:https?%(?:25)*3a|www%(?:25)*2e)|%(?:25)*2f/i;
/** Base64 (plain or URL-safe) of "http" or "www.": the start of an address, encoded. */
const BASE64 = /^(?:aHR0c|d3d3L)[A-Za-z0-9+/_ -]*={0,2}$/;
/**
 * An address without its scheme: a host of two labels or more (letters, digits, hyphens), then a port, path, query
 * or fragment, or nothing.
 */
const BARE_HOST =
  /^((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z][a-z0-9-]{0,61}[a-z0-9]|xn--[a-z0-9-]+))\.?(?=[:/?#]|$)/i;
/**
 * Top-level domains that are also file extensions: "minutes.zip", "notes.md" and "script.py" are files, so such a
 * name counts as a host only with "www." before it or a path after it.
 */
const FILE_LIKE_SUFFIX = new Set(['zip', 'mov', 'md', 'py', 'pl', 'sh', 'rs', 'ps', 'ai', 'so', 'sx', 'ms', 'cc']);

/** mayCarryAddress's pattern, for the page precheck to run over all of a page's addresses at once. */
export const CARRY_CUE: string = MAY_CARRY.source;

export function mayCarryAddress(href: string): boolean {
  return MAY_CARRY.test(href);
}

/**
 * The cheap test of the other forms (a necessary condition for carriedAddress to read one), to be asked only of a
 * link whose host may be a wrapper's (mayBeWrapperHost).
 */
/** mayCarryInAnyForm's pattern, for the page precheck to run over all of a page's addresses at once. */
export const ANY_FORM_CUE: string = MAY_CARRY_ANY_FORM.source;

export function mayCarryInAnyForm(href: string): boolean {
  return MAY_CARRY_ANY_FORM.test(href);
}

/** Whether a link on this host may be read in every form: the page's own site, or a known click-tracker. */
export function mayBeWrapperHost(host: string, pageHost: string | undefined): boolean {
  return (pageHost !== undefined && sameSite(host, pageHost)) || trackerHost().test(host);
}

/**
 * The hosts mayBeWrapperHost accepts on this page, as a pattern source for a whole host: the page's own site (its
 * registrable part, any subdomain before it) or a click-tracker.
 */
export function wrapperHostPattern(pageHost: string): string {
  const site = roughSite(pageHost).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `${site}|${TRACKERS.map(([host]) => host).join('|')}`;
}

/** Whether host + path is a share button's intent ("facebook.com/sharer/sharer.php"). */
export function isShareIntent(hostAndPath: string): boolean {
  return SHARE_INTENT.test(hostAndPath);
}

/**
 * The address a wrapper carries, unwrapped layer by layer; null when `href` is no wrapper. `pageHost`: the host of
 * the page the link is on, whose own redirect scripts are read in every form.
 */
export function carriedAddress(href: string, pageHost?: string): string | null {
  let current = href;
  let found: string | null = null;
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    const inner = oneLayer(current, pageHost);
    if (inner === null) break;
    found = current = inner;
  }
  return found;
}

/** The address a link stands for: the one it carries when it is a wrapper, itself otherwise. */
export function destinationOf(href: string, pageHost?: string): string {
  return carriedAddress(href, pageHost) ?? href;
}

function oneLayer(href: string, pageHost: string | undefined): string | null {
  const known = MAY_CARRY.test(href);
  // Most links are no wrapper of either kind: they are passed over before any parsing.
  if (!known && !MAY_CARRY_ANY_FORM.test(href)) return null;
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
  if (known) {
    for (const [name, value] of url.searchParams) {
      if (!CARRYING_PARAMETERS.has(name.toLowerCase())) continue;
      const address = webAddress(value) ?? webAddress(safeDecode(value));
      if (address !== null) return address;
    }
  }
  return inAnyForm(url, pageHost);
}

/** The general forms, on the page's own site or a click-tracker only. */
function inAnyForm(url: URL, pageHost: string | undefined): string | null {
  const host = url.hostname;
  const onPageSite = pageHost !== undefined && sameSite(host, pageHost);
  if (!onPageSite && !clickTrackers().some(([h, path]) => h.test(host) && url.pathname.startsWith(path))) return null;
  if (!MAY_CARRY_ANY_FORM.test(url.href)) return null;
  const offSite = (address: string | null) =>
    address !== null && !sameSite(new URL(address).hostname, host) ? address : null;
  // The query: any parameter but those that hold another kind of address, or a query that is an address whole.
  for (const [name, value] of url.searchParams) {
    if (NOT_A_DESTINATION.test(name)) continue;
    const address = offSite(addressIn(value, true) ?? (value === '' ? addressIn(safeDecode(name), false) : null));
    if (address !== null) return address;
  }
  // The path: "/go/https%3A%2F%2F…", "/r/aHR0cHM6Ly…", "/RU=https%3a…/RK=2", or "/out/www.example.org/…" after a
  // segment that names a redirect script. Never the first segment: "/www.aa.org" is a relative link written wrong.
  const segments = url.pathname.split('/');
  for (let i = 2; i < segments.length; i++) {
    const segment = segments[i]!;
    const bare = WRAPPER_SEGMENT.test(segments[i - 1]!);
    const named = segment.indexOf('=');
    const address = offSite(
      (named > 0 ? addressIn(safeDecode(segment.slice(named + 1)), false) : null) ??
        addressIn(segments.slice(i).join('/'), bare) ??
        addressIn(segment, bare),
    );
    if (address !== null) return address;
  }
  // The fragment: "#url=https://…", "#!https://…".
  const fragment = url.hash.replace(/^#[!/]*/, '');
  if (fragment) {
    const params = fragment.includes('=') ? [...new URLSearchParams(fragment).values()] : [safeDecode(fragment)];
    for (const value of params) {
      const address = offSite(addressIn(value, true));
      if (address !== null) return address;
    }
  }
  return null;
}

/**
 * The address a value holds: a whole http(s) address, percent- or base64-encoded (up to MAX_DECODINGS times), or
 * with `bareHost`, a host with a public suffix and what follows it ("www.aa-area.org/meetings"). Base64 of a name
 * starting "www." is an address wherever it is: nobody encodes a relative path by accident.
 */
function addressIn(raw: string, bareHost: boolean): string | null {
  let value = raw.trim();
  let encodedHost = false;
  for (let round = 0; round <= MAX_DECODINGS; round++) {
    if (SCHEMED.test(value)) return webAddress(value);
    if (ESCAPED.test(value)) {
      const decoded = safeDecode(value);
      if (decoded !== value) {
        value = decoded;
        continue;
      }
    }
    if (BASE64.test(value)) {
      const decoded = fromBase64(value);
      if (decoded !== null && (SCHEMED.test(decoded) || /^www\./i.test(decoded))) {
        value = decoded;
        encodedHost = true;
        continue;
      }
    }
    break;
  }
  return bareHost || encodedHost ? hostAddress(value) : null;
}

/**
 * "www.aa-area.org/meetings" as an address: http://, the scheme a redirect script puts before a bare host (and the
 * one every https site still answers, to send the reader on to https).
 */
function hostAddress(value: string): string | null {
  const host = BARE_HOST.exec(value)?.[1];
  if (host === undefined || !hasPublicSuffix(host)) return null;
  const labels = host.toLowerCase().split('.');
  const fileLike = labels.length === 2 && FILE_LIKE_SUFFIX.has(labels[1]!) && value.length === host.length;
  return fileLike ? null : webAddress(`http://${value}`);
}

let topLevelDomains: ReadonlySet<string> | null = null;

/** Whether a host ends in an ICANN top-level domain (the Public Suffix List's, through tldts: the generated list). */
function hasPublicSuffix(host: string): boolean {
  topLevelDomains ??= new Set(TOP_LEVEL_DOMAINS.split(' '));
  let parsed: string;
  try {
    parsed = new URL(`http://${host}/`).hostname;
  } catch {
    return false;
  }
  const labels = parsed.replace(/\.$/, '').split('.');
  return labels.length >= 2 && topLevelDomains.has(labels[labels.length - 1]!);
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
  if (value.length > MAX_CARRIED_LENGTH || !SCHEMED.test(value)) return null;
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

/** Base64, plain or URL-safe, with or without padding, as text; null when it is not (or not text). */
function fromBase64(value: string): string | null {
  // A "+" read from a query is a space by then.
  const plain = value.replace(/[- ]/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  try {
    const text = atob(plain.padEnd(plain.length + ((4 - (plain.length % 4)) % 4), '='));
    // eslint-disable-next-line no-control-regex -- control characters are what a decoded address cannot hold
    return /[\u0000-\u001f\u007f-\u00ff]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

function sameSite(a: string, b: string): boolean {
  return roughSite(a) === roughSite(b);
}
