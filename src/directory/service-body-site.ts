/**
 * A fellowship's service bodies name their sites after themselves and the fellowship's letters: "Beaver Valley Area"
 * at beavervalleyna.org, "Ohio Region" at naohio.org, "Western Reserve Area" at wrascna.org (its Area Service
 * Committee), "Minneapolis Intergroup" at aaminneapolis.org, "Area 35" at area35.org. A link whose words name a
 * service body and whose address spells those very words (or their initials) beside "na" or "aa" is one. The
 * spelling is the precision: "Pasadena Area" at pasadena.org ends in "na" but spells no one's name with it.
 */

/**
 * The words a service body's name holds, or its fellowship's magazine's. No word boundary before: a page's text runs
 * one element's words into the next ("…step by stepGrapevine"), and the address's spelling is the precision.
 */
const BODY_WORD =
  /(?:area|region|intergroup|inter-group|district|central office|general service|service committee|grapevine)/i;

/**
 * The cheap test on an address as written: a fellowship's letters at one end of a host label or path segment, or a
 * numbered area or district. Every address spellsServiceBody accepts passes it. A NUL ends an address as the end
 * of the text does: the page precheck reads all of a page's addresses joined by NULs.
 */
const MAY_SPELL =
  /[/.](?:na|aa)-?[a-z0-9]|[a-z0-9](?:-?(?:na|aa)|asc|rsc|area|region|district|intergroup)(?:[/.:?#\0]|$)|[/.](?:area|district)\d/i;

/** Whether words may name a service body (the cheap test's words side). */
export function mayNameServiceBody(words: string): boolean {
  return BODY_WORD.test(words);
}

/** Whether an address may be a service body's site (the cheap test's address side). */
export function mayBeServiceBodyAddress(href: string): boolean {
  return MAY_SPELL.test(href);
}

/** Words left out of initials ("Stark, Tuscarawas, and Carroll" is STAC either way: both forms are tried). */
const SMALL_WORDS = new Set(['the', 'of', 'and', 'for', 'de', 'del', 'la', 'y']);
/**
 * What a service committee adds after the name: wrascna = WRA + SC + NA, dascna = DA + SC + NA, mrscna = MR + SC + NA;
 * nwoasc.org = NWO + ASC (an Area Service Committee's site needs no letters after it).
 */
const COMMITTEES = ['sc', 'asc', 'rsc', 'csc'];

/**
 * A page that is itself a service body's site, by its host: a numbered area or district (area36.org), or a label
 * ending or starting with the fellowship's letters (wheelingna.org, suffolkny-aa.org). Its links page lists its
 * neighbours, whose sites often carry their names alone ("East End Area" at eastendarea.org), and its own meeting
 * list is the fellowship's meeting finder.
 */
export function onServiceBodySite(pageHost: string | undefined): boolean {
  if (!pageHost) return false;
  return pageHost
    .toLowerCase()
    .split('.')
    .slice(0, -1)
    .some((label) => /^(?:area|district)\d{1,3}$|^(?:na|aa)-?[a-z0-9]{2,}$|[a-z0-9]{2,}-?(?:na|aa)$/.test(label));
}

/** A service body's own meeting list ("/meetings/?tsml-day=any", "/areaMeetingList.html", "/meetingsearch"). */
const MEETING_LIST_PATH = /^\/(?:[^/?#]+\/)?[^/?#]*meeting/i;
/**
 * A service body's own page for asking for a temporary contact: A.A. members who meet a person leaving treatment or
 * prison and take them to their first meetings ("Temporary Contact Program", often run as "Bridging the Gap":
 * area59aa.org/bridging-the-gap/, rocklandnyaa.org/get-involved/intergroup/bridging-the-gap/).
 * "/corrections-temporary-contact-program", "/bridging-the-gap/".
 */
const TEMPORARY_CONTACT_PATH = /^\/(?:[^/?#]+\/)?[^/?#]*(?:temporary-contact|bridg(?:e|ing)-the-gap)/i;
/** The cheap test of both on an address as written: every address the two paths above accept holds one of these. */
export const OWN_SERVICE_CUE = /meeting|temporary-contact|bridg(?:e|ing)-the-gap/i;

/**
 * Whether an address on a service body's own site is its meeting list: the fellowship's meeting finder, a resource
 * wherever on the site it is linked from (but the site's menus, which spotting turns away first).
 */
export function isOwnMeetingList(url: URL, pageHost: string | undefined): boolean {
  return onServiceBodySite(pageHost) && MEETING_LIST_PATH.test(url.pathname);
}

/** Whether an address on a service body's own site is its temporary contact request (see TEMPORARY_CONTACT_PATH). */
export function isOwnTemporaryContact(url: URL, pageHost: string | undefined): boolean {
  return onServiceBodySite(pageHost) && TEMPORARY_CONTACT_PATH.test(url.pathname);
}

/**
 * A neighbouring service body named as such on a service body's own links page: "Almost Heaven Area",
 * "Hamilton Middletown Area", "Suffolk General Service". Sites of small areas live on free hosts or under initials
 * (na2day.tripod.com, hamascna.org) that spell nothing of the name, but the page they are listed on is itself a
 * service body's, and its neighbours are what such a page lists. Capitalised words, then the service word last:
 * "Bay Area Rapid Transit" and "the area's events" are not names of this shape.
 */
export function namesNeighbourServiceBody(words: string, pageHost: string | undefined): boolean {
  return (
    onServiceBodySite(pageHost) &&
    /^(?:\p{Lu}[\p{L}.'’-]*\s+){1,5}(?:Area|Region|District|Intergroup|General Service|Central Office)(?:\s+\d{1,3})?$/u.test(
      words.trim(),
    )
  );
}

export function spellsServiceBody(url: URL, words: string, pageHost?: string): boolean {
  if (!BODY_WORD.test(words)) return false;
  const names = spellings(words);
  if (names.size === 0) return false;
  const neighbours = onServiceBodySite(pageHost) ? wholeNames(words) : null;
  for (const token of addressTokens(url)) {
    if (neighbours?.has(token)) return true;
    // A numbered area or district at its own number: area35.org for "Area 35".
    if (/^(?:area|district)\d{1,3}$/.test(token) && names.has(token)) return true;
    const name = /^(?:na|aa)-?(.{2,})$/.exec(token)?.[1] ?? /^(.{2,}?)-?(?:na|aa)$/.exec(token)?.[1];
    if (name && (names.has(name) || COMMITTEES.some((c) => name.endsWith(c) && names.has(name.slice(0, -c.length)))))
      return true;
    // An area or region service committee's own initials: nwoasc.org for "North West Ohio Area" (three letters at least).
    if (
      ['asc', 'rsc'].some(
        (c) => token.endsWith(c) && token.length >= c.length + 3 && names.has(token.slice(0, -c.length)),
      )
    )
      return true;
  }
  return false;
}

/** The words from the first up to each service word, run together: "eastendarea" for "East End Area". */
function wholeNames(words: string): Set<string> {
  const ws = wordsOf(words);
  const out = new Set<string>();
  for (let k = 2; k <= ws.length; k++)
    if (/^(?:area|region|district|intergroup)$/.test(ws[k - 1]!)) out.add(ws.slice(0, k).join(''));
  return out;
}

/**
 * Every way the words may be spelt in an address: each run of consecutive words run together ("beavervalley",
 * "beavervalleyarea"), and the initials of all the words, or of all but the small ones, with or without the last.
 */
function wordsOf(words: string): string[] {
  return (
    words
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // Words glued by a card's markup ("Area 35Northern Minnesota", "West Central RegionRegional service") part
      // where digits meet letters and where a small letter meets a capital.
      .replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ')
      .toLowerCase()
      .split(/[^a-z0-9]+|(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/)
      .filter(Boolean)
  );
}

function spellings(words: string): Set<string> {
  const ws = wordsOf(words);
  const out = new Set<string>();
  if (ws.length === 0 || ws.length > 12) return out;
  for (let i = 0; i < ws.length; i++) {
    for (let j = i + 1; j <= ws.length; j++) {
      const run = ws.slice(i, j).join('');
      if (run.length >= 3) out.add(run);
    }
  }
  const big = ws.filter((w) => !SMALL_WORDS.has(w));
  for (const list of [ws, big, ws.slice(0, -1), big.slice(0, -1)]) {
    const initials = list.map((w) => w[0]).join('');
    if (initials.length >= 2) out.add(initials);
  }
  return out;
}

/** The host's labels but the top-level domain and "www", and the first path segments, lower-cased. */
function addressTokens(url: URL): string[] {
  const labels = url.hostname.toLowerCase().split('.');
  const hostTokens = labels.slice(0, -1).filter((l) => l !== 'www');
  const pathTokens = url.pathname.toLowerCase().split('/').filter(Boolean).slice(0, 3);
  return [...hostTokens, ...pathTokens];
}
