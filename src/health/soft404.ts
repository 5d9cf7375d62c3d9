/**
 * Soft 404s: the server answers as if all were well, but a person sees an error page or the site's home page.
 * Each rule is narrow on purpose: a live page that merely uses the words must stay alive.
 */
import { jaccard, readPage, shingles, type PageText } from './page-text.ts';
import { sameSite } from './site.ts';

/**
 * Phrases that, as a whole title segment or a whole main heading, say "this page is missing". English and Spanish.
 * Whole-segment matching is the guard: "Lost and Found: a grief group" and "Not Found Alone" stay alive.
 */
const MISSING_PAGE = [
  /^(error )?404( error)?$/,
  /^(error )?404 (page )?not found$/,
  /^(http )?(error )?404 (-|–|:)? ?(page|file|document)? ?not found$/,
  /^(oops|whoops|sorry|uh oh|error)?,? ?(the |this |that )?(page|file|document|resource|content)? ?(was |is )?not found$/,
  /^(oops|whoops|sorry|error)?,? ?(the |this |that )?(page|file|document|resource|content) (you (were |are )?(looking for|requested) )?(can't|cannot|could not|couldn't|can not) be found$/,
  /^(oops|whoops|sorry)?,? ?(the |this |that )?(page|file|document|resource|content) (you (were |are )?(looking for|requested) )?(does not|doesn't|no longer) exists?$/,
  /^(oops|sorry)?,? ?(the |this )?page (is )?(no longer available|not available|unavailable|isn't available)$/,
  /^(oops|sorry)?,? ?nothing (was )?found$/,
  /^(oops|sorry)?,? ?we (can't|cannot|couldn't|could not) find (that|this|the) page$/,
  // Spanish
  /^(error )?404 ?(-|–|:)? ?(p[aá]gina )?no encontrad[ao]$/,
  /^(ups|lo sentimos|error)?,? ?(la )?p[aá]gina no (encontrada|existe|disponible|se (pudo |puede )?encontrar|se ha encontrado)$/,
  /^(ups|lo sentimos)?,? ?(la )?p[aá]gina (que (busca|buscas|buscaba|solicit[oó]|solicitaste)) no (existe|se encuentra|est[aá] disponible|se (pudo |puede )?encontrar)$/,
  /^(ups|lo sentimos)?,? ?no (se encontr[oó]|encontramos|pudimos encontrar|hemos encontrado) (la|esta|esa) p[aá]gina$/,
  /^(ups|lo sentimos)?,? ?(contenido|recurso|documento|archivo) no encontrado$/,
];

function normalisePhrase(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/^[\s¡¿!?.…:;,"'()[\]-]+|[\s!?.…:;,"'()[\]-]+$/g, '')
    .replace(/[!.…]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function saysPageMissing(phrase: string): boolean {
  const p = normalisePhrase(phrase);
  return p.length > 0 && p.length <= 90 && MISSING_PAGE.some((re) => re.test(p));
}

/** A title says "missing" when one of its segments ("Page not found | NAMI") is such a phrase. */
export function titleSaysMissing(title: string): boolean {
  if (saysPageMissing(title)) return true;
  return title.split(/\s+[|–—·»:-]\s+|\s*[|–—·»]\s*/).some((segment) => saysPageMissing(segment));
}

export function pageSaysMissing(page: PageText): string | null {
  if (titleSaysMissing(page.title)) return `the page's title says "${page.title.slice(0, 80)}"`;
  const heading = page.headings[0];
  if (heading && saysPageMissing(heading)) return `the page's heading says "${heading.slice(0, 80)}"`;
  return null;
}

const ERROR_SEGMENTS = new Set([
  '404',
  '404.html',
  '404.htm',
  '404.php',
  '404.aspx',
  'notfound',
  'not-found',
  'not_found',
  'page-not-found',
  'pagenotfound',
  'error404',
  'error-404',
  'error_404',
  'no-encontrado',
  'pagina-no-encontrada',
]);

/** The final address of a redirect names an error page (/404, /notfound, ASP.NET's ?aspxerrorpath=). */
export function addressNamesErrorPage(finalUrl: string, requestedUrl: string): boolean {
  const isError = (u: URL) =>
    u.pathname
      .toLowerCase()
      .split('/')
      .some((seg) => ERROR_SEGMENTS.has(seg)) || /(^|&)(aspxerrorpath|error=404|e=404)/i.test(u.search.slice(1));
  try {
    return isError(new URL(finalUrl)) && !isError(new URL(requestedUrl));
  } catch {
    return false;
  }
}

/** Paths that are a site's front door in all but name. */
const ROOT_LIKE = /^\/((index|default|home|main|inicio)(\.[a-z]{2,5})?|[a-z]{2}([-_][a-z]{2})?|home|inicio)?\/?$/i;

export function isRootLike(url: URL): boolean {
  return ROOT_LIKE.test(url.pathname) && (url.search === '' || url.search === '?');
}

/**
 * A deep link that now redirects to its own site's home page: the page it named is gone
 * (DeadlinkChecker's rule). A redirect from one front door to another (http→https, /index.html→/) is not.
 */
export function deepLinkLandsOnHome(requestedUrl: string, finalUrl: string): boolean {
  let from: URL, to: URL;
  try {
    from = new URL(requestedUrl);
    to = new URL(finalUrl);
  } catch {
    return false;
  }
  if (!sameSite(from, to)) return false;
  if (isRootLike(from)) return false;
  if (!isRootLike(to)) return false;
  // "/meetings" → "/meetings/" and case-only changes are not landings on the home page.
  return from.pathname.replace(/\/$/, '').toLowerCase() !== to.pathname.replace(/\/$/, '').toLowerCase();
}

/** Words that come from an address itself, dropped before comparing pages ("/foo not found" echoes the path). */
function addressWords(url: string): Set<string> {
  try {
    return new Set(
      decodeURIComponent(new URL(url).pathname)
        .toLowerCase()
        .match(/[\p{L}\p{N}']+/gu) ?? [],
    );
  } catch {
    return new Set();
  }
}

/**
 * Similarity (0–1) of two pages' visible text, ignoring words from addresses: by default each page's own (a page
 * answering a made-up address echoes that address); `alike`, the words of both addresses dropped from both pages —
 * for two captures that may be one page under two addresses, whose text must be compared the same way or the same
 * page would look different.
 */
export function pageSimilarity(
  a: { body: string; url: string },
  b: { body: string; url: string },
  alike = false,
): number {
  const dropA = addressWords(a.url);
  const dropB = addressWords(b.url);
  if (alike) for (const w of dropB) dropA.add(w);
  const kept = (words: string[], drop: Set<string>) => words.filter((w) => !drop.has(w));
  return jaccard(
    shingles(kept(readPage(a.body).words, dropA)),
    shingles(kept(readPage(b.body).words, alike ? dropA : dropB)),
  );
}

/** At or above this, a page is the site's answer to any address (robustify.js / Bar-Yossef et al. compare likewise). */
export const SAME_PAGE_SIMILARITY = 0.9;

/** A made-up sibling address for the "does this site answer 200 to anything?" probe. */
export function siblingProbeUrl(url: URL, random: () => number = Math.random): string {
  const token = Array.from(
    { length: 20 },
    () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)],
  ).join('');
  const dir = url.pathname.replace(/[^/]*$/, '');
  return new URL(`${dir}still-there-${token}`, url.origin).toString();
}
