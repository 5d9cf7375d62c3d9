/**
 * Is this link a mutual-aid resource? One function for the content script, the CLI and the audit.
 * Evidence, strongest first: the address belongs to a known group (current or former domain, URL prefix); the
 * link's own words name a resource ("Alcoholics Anonymous", "grupo de apoyo", "self-help clearinghouse"); the
 * words around an outbound link do. Against: share buttons, the page's own navigation, news and research
 * articles about support groups, "password recovery".
 * Precision and recall are measured on a labelled set of real resource pages (tests/unit/spotting.test.ts).
 */
import { sameSite } from '../health/site.ts';
import { groupForUrl } from './lookup.ts';
import type { Group } from './group.ts';

export interface LinkFacts {
  href: string;
  /** The link's text (with image alt text and aria-label). */
  text: string;
  title?: string;
  /** Text around the link: its list item, table cell or paragraph; read only when needed (a function, lazily). */
  context?: () => string;
  /** Host of the page the link is on. */
  pageHost?: string;
  /** Inside the page's own navigation, header or footer. */
  inPageChrome?: () => boolean;
}

export interface Spot {
  resource: boolean;
  group: Group | null;
  because: string;
}

/** "<Name> Anonymous" (AA, NA, EA, GA …) and the Spanish "Anónimos": the capital letters are the precision. */
const ANONYMOUS_FELLOWSHIP = /\b[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+)? Anonymous\b|\bAn[oó]nim[oa]s\b|\bAnonymous (World Services|Family Groups|Intergroup)\b/u;

const RESOURCE_WORDS = new RegExp(
  [
    'support groups?', 'self[- ]help', 'mutual[- ]aid', 'clearinghouse', '12[- ]step', 'twelve[- ]step', 'peer support',
    'peer[- ]run', 'recovery (group|meeting|program|community|support|international|dharma)', 'smart recovery',
    'al-?anon', 'alateen', 'nar-?anon', 'co-?dependents', 'adult children of alcoholics', 'helpline', 'warmline',
    'crisis (line|lifeline)', 'suicide (and|&) crisis', 'lifeline', 'meeting (finder|locator|list|search)',
    'find an? (meeting|group|chapter)', 'local (meetings|groups|chapters)', 'sobriety', 'women for sobriety',
    // Spanish
    'grupos? de apoyo', 'autoayuda', 'ayuda mutua', 'doce pasos', '12 pasos', 'apoyo (entre|de) (pares|compa[nñ]eros)',
    'l[ií]nea de (ayuda|crisis)', '(buscar|encontrar|encuentre) (una )?reuni[oó]n', 'grupos? de recuperaci[oó]n', 'recuperaci[oó]n',
  ].join('|'),
  'iu',
);

/** Words that look like ours but mean something else. */
const FALSE_FRIENDS = /\b(password|account|data|disaster|file|cost|debt|credit|system|key) recovery\b|\brecover (your )?(password|account)\b|\banonymous(ly)? (survey|donation|donor|tip|feedback|report)/iu;

/** Share buttons and intents: a link to post this page, not to a group. */
const SHARE = /^(www\.)?(facebook\.com\/(sharer|share\.php|dialog\/share)|(twitter|x)\.com\/(intent|share)|linkedin\.com\/(shareArticle|sharing|cws\/share)|pinterest\.com\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|wa\.me\/\?|t\.me\/share|tumblr\.com\/(share|widgets\/share)|(www\.)?addthis\.com|(www\.)?sharethis\.com|bsky\.app\/intent)/i;

/** News and research sites: an article *about* support groups is not a support group. */
const ARTICLE_SITES = new Set([
  'nytimes.com', 'washingtonpost.com', 'cnn.com', 'bbc.co.uk', 'bbc.com', 'npr.org', 'theguardian.com', 'usatoday.com',
  'latimes.com', 'wsj.com', 'reuters.com', 'apnews.com', 'nbcnews.com', 'cbsnews.com', 'go.com', 'foxnews.com',
  'huffpost.com', 'time.com', 'newsweek.com', 'forbes.com', 'theatlantic.com', 'vox.com', 'statnews.com', 'medium.com',
  'nih.gov', 'doi.org', 'sciencedirect.com', 'springer.com', 'wiley.com', 'jamanetwork.com', 'nejm.org', 'thelancet.com',
  'bmj.com', 'nature.com', 'plos.org', 'tandfonline.com', 'sagepub.com', 'researchgate.net', 'scholar.google.com',
]);

/** A headline or a sentence, not the name of a group. */
const MAX_NAME_WORDS = 12;

export function spotResource(link: LinkFacts): Spot {
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return no('not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return no('not a web link');
  const hostPath = `${url.hostname}${url.pathname}`;
  if (SHARE.test(hostPath)) return no('a share button');

  const ownSite = link.pageHost ? sameSite(url.hostname, link.pageHost) : false;
  const inChrome = ownSite && (link.inPageChrome?.() ?? false);
  const group = groupForUrl(url.toString());
  if (group) return inChrome ? no("the site's own navigation") : { resource: true, group, because: `a site of ${group.name}` };
  if (inChrome) return no("the page's own navigation");

  const words = `${link.text} ${link.title ?? ''}`.replace(/\s+/g, ' ').trim();
  if (FALSE_FRIENDS.test(words)) return no('"recovery" of another kind');
  const article = isArticleSite(url.hostname);
  const nameLike = words.split(' ').length <= MAX_NAME_WORDS;
  if (ANONYMOUS_FELLOWSHIP.test(words) || RESOURCE_WORDS.test(words)) {
    if (article) return no('an article about support groups');
    if (!nameLike) return no('a sentence, not a group');
    return { resource: true, group: null, because: 'its words name a mutual-aid resource' };
  }
  // An outbound link whose surroundings describe a group: "Emotions Anonymous, a 12-step program — emotionsanonymous.org".
  if (!ownSite && !article && nameLike && link.context) {
    const around = link.context();
    if ((ANONYMOUS_FELLOWSHIP.test(around) || RESOURCE_WORDS.test(around)) && !FALSE_FRIENDS.test(around)) {
      return { resource: true, group: null, because: 'the text around it describes a mutual-aid resource' };
    }
  }
  return no('nothing marks it as a resource');
}

function isArticleSite(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) if (ARTICLE_SITES.has(labels.slice(i).join('.'))) return true;
  return false;
}

function no(because: string): Spot {
  return { resource: false, group: null, because };
}
