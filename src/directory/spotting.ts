/**
 * Is this link a mutual-aid resource? One function for the content script, the CLI and the audit.
 * Evidence, strongest first: the address belongs to a known group (current or former domain, URL prefix); the
 * link's own words name a resource ("Alcoholics Anonymous", "grupo de apoyo", "self-help clearinghouse", a group
 * of the directory, a line such as "Friendship Line"); the site's own name says it is a helpline; the words
 * around an outbound link name one. Against: share buttons, the page's own navigation and its in-page sections,
 * donate and shop links, news and research articles about support groups, "password recovery". A link that only
 * forwards (a redirect wrapper) is judged by the address it carries (src/health/carried-address.ts).
 * Precision and recall are measured on a labelled set of real resource pages (tests/unit/spotting.test.ts).
 */
import { carriedAddress, isShareIntent } from '../health/carried-address.ts';
import { roughlySameSite } from './rough-site.ts';
import {
  isOwnMeetingList,
  isOwnTemporaryContact,
  mayBeServiceBodyAddress,
  mayNameServiceBody,
  namesNeighbourServiceBody,
  onServiceBodySite,
  OWN_SERVICE_CUE,
  spellsServiceBody,
} from './service-body-site.ts';
import { rememberedPerKey } from '../remembered.ts';
import { groupForUrl, mayBelongToGroup } from './lookup.ts';
import { allGroups } from './groups.ts';
import type { Group } from './group.ts';
import { QUICK_CUES } from './quick-cues.generated.ts';
import { groupResourceCues, groupResourceNamed } from './programmes.ts';

export interface LinkFacts {
  href: string;
  /** The link's host name when the caller has it parsed already (an anchor's \`hostname\`): spares a URL parse. */
  host?: string;
  /** The link's text (with image alt text and aria-label). */
  text: string;
  title?: string;
  /** Text around the link: its list item, table cell or paragraph; read only when needed (a function, lazily). */
  context?: () => string;
  /** Host of the page the link is on. */
  pageHost?: string;
  /**
   * Path of the page the link is on, when the caller knows it: a fragment link to another page of the site
   * ("/online-meetings/#zoom") is a link to that page, not a section of this one.
   */
  pagePath?: string;
  /** Inside the page's own navigation, header or footer. */
  inPageChrome?: () => boolean;
}

export interface Spot {
  resource: boolean;
  group: Group | null;
  because: string;
}

/*
 * The whole judgement's patterns below are written as sources and compiled on first use (patterns(), lineName()):
 * built when the content script loads, their Unicode classes cost every page about half a millisecond, and most
 * pages never ask (tests/e2e/budgets.test.ts prints the script's cost).
 */

/** "<Name> Anonymous" (AA, NA, EA, GA …) and the Spanish "Anónimos": the capital letters are the precision. */
const ANONYMOUS_FELLOWSHIP = String.raw`\b[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+)? Anonymous\b|\bAn[oó]nim[oa]s\b|\bAnonymous (World Services|Family Groups|Intergroup)\b`;

/**
 * A fellowship's service bodies, meetings and magazine by its short name, however it is spelt ("A.A.", "AA", "N.A."):
 * "AA Meetings", "A.A. World Services", "NA Area 12", "Intergroup Association of A.A. of New York", "Central Office of
 * Salt Lake A.A.", "District 12 of NA", "Oficina Central de A.A.", "AA Grapevine". Two capital letters are everyday
 * letters (batteries, North America, California), so they count only beside these words, and only for fellowships
 * whose letters are not a state's.
 */
const FELLOWSHIP_LETTERS = String.raw`(?:A\.\s?A\.|AA|N\.\s?A\.|NA)`;
const FELLOWSHIP_NAME = String.raw`(?:${FELLOWSHIP_LETTERS}|Al-Anon|Alateen|Nar-Anon|Alcoholics Anonymous|Narcotics Anonymous|Alcoh[oó]licos An[oó]nimos|Narc[oó]ticos An[oó]nimos)`;
/** Each word's first letter in either case ("Meetings", "meetings"); the fellowship's letters stay in capitals. */
const eitherCase = (words: string) =>
  words.replace(/(^|[ ()|:])([A-Z])/g, (_m, before: string, c: string) => `${before}[${c}${c.toLowerCase()}]`);
/**
 * A fellowship's young people's committees and conferences name themselves by their place's initials before "YPAA"
 * (Young People in A.A.): "ICYPAA", "NYCYPAA", "L.I.C.Y.P.A.A.". The four letters, dotted or not, are the precision.
 */
const YOUNG_PEOPLE = String.raw`(?<![\p{L}\p{N}])(?:[A-Z]\.?){0,6}Y\.?P\.?A\.?A\.?(?![\p{L}\p{N}])`;
function serviceBodySource(): string {
  const serviceWord = eitherCase(
    String.raw`(?:Inter-?group|Intergrupo|Central (?:Service )?Office|Service (?:Office|Center|Centre)|General Service(?:s)?(?: Office| Board| Conference)?|World Services?|Area(?: \d+)?|District(?: \d+)?|Answering Service|Hotline|Helpline|Meetings?|Meeting (?:List|Schedule|Directory|Finder|Guide)|Grapevine|Way Magazine|Way|Oficina Central|Reuniones)`,
  );
  return (
    YOUNG_PEOPLE +
    // A capital right after is another element's text run on by the markup ("AA GrapevineA.A.'s meeting in print").
    String.raw`|(?<![\p{L}\p{N}])${FELLOWSHIP_LETTERS}(?:'s)? ${serviceWord}(?!\p{Ll})` +
    String.raw`|(?<![\p{L}])(?:Inter-?group|Intergrupo|Central (?:Service )?Office|Service Office|Oficina Central|Area \d+|District \d+|Distrito \d+|[ÁA]rea \d+)(?: [\p{L}\p{N}'.,-]+){0,6}? (?:of|for|de|del) (?:[\p{L}\p{N}'.-]+ ){0,4}?${FELLOWSHIP_NAME}(?!\p{Ll})`
  );
}

/** Phrases that name a resource in any case (English, then Spanish); spaces stand for one space. */
const RESOURCE_PHRASES = [
  'support(ive)? groups?', // "Supportive group for grandparents raising their grandchildren"
  'support meetings?',
  'support communit(y|ies)', // an online peer community ("Anxiety and Depression Support Community")
  // Who a group is for, as a listing describes a family group ("Education and support for loved ones of people
  // suffering from addictions", "Support and information to families raising children with autism").
  'support (and (education|information) )?(for|to) (families|loved ones|family members|parents|caregivers|grandparents)',
  // A rape crisis centre answers a 24-hour line ("Sexual Assault Resource Agency", "Rape Crisis Center").
  '(rape|sexual assault|sexual violence) (crisis|resource|support) (cent(er|re)s?|agency|services?)',
  // An agency's own crisis line, as listings put it ("They provide 24hour crisis intervention", "24/7 crisis support");
  // a "24-hour crisis stabilization unit" is a ward.
  '24[- ]?(hours?|hr|/7) crisis (intervention|support|services?|counsell?ing)',
  // Groups for the bereaved are support groups by another name ("General Bereavement Group").
  '(bereavement|grief) (support )?groups?',
  'self[- ]help',
  'mutual[- ]aid',
  'clearinghouse',
  '12[- ]step',
  'twelve[- ]step',
  'peer support',
  'peer counsell?ing', // a peer listening line ("EARS is a peer counseling service")
  'peer[- ]run',
  'recovery (group|meeting|program|community|support|international|dharma)',
  'smart recovery',
  'al-?anon',
  'alateen',
  'nar-?anon',
  'gam-?anon',
  'co-?dependents',
  'adult children of alcoholics',
  'helpline',
  'warmline',
  'hotline',
  'crisis(line| (text )?(line|lifeline))', // "crisis line", and "crisisline" as some write it
  'suicide (and|&) crisis',
  'lifeline',
  'meeting (finder|locator|list|search)',
  'find an? (meeting|group|chapter)',
  'local (meetings|groups|chapters)',
  'sobriety',
  'women for sobriety',
  // Spanish
  'grupos? de apoyo',
  'autoayuda',
  'ayuda mutua',
  'doce pasos',
  '12 pasos',
  'apoyo (entre|de) (pares|compa[nñ]eros)',
  // "línea directa" is a hotline, "línea cálida" a warmline, "línea de asistencia" a helpline.
  'l[ií]neas? de (ayuda|crisis|asistencia)',
  'l[ií]neas? directas?',
  'l[ií]neas? c[aá]lidas?',
  '(buscar|encontrar|encuentre) (una )?reuni[oó]n',
  'grupos? de recuperaci[oó]n',
  'recuperaci[oó]n',
];

/**
 * A phone line named as such: "Friendship Line", "Warm Peer Line", "TEEN LINE", or a Spanish name that starts with
 * "Línea" ("Línea de amistad"). Capitals, and "Line" ending the name, keep out "the online store" and "guideline".
 * MAYBE_LINE is the cheap test that spares most links the costlier one.
 */
const MAYBE_LINE = /l[ií]ne/i;
let lineNameCache: RegExp | null = null;
const lineName = () =>
  (lineNameCache ??=
    /\b\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)* (?:Line|LINE)(?=\s*(?:$|[:;,.()–—-]))|^\s*(?:L[íi]nea|L[ÍI]NEA)s?\b/u);

/**
 * The directory's own names: "NAMI-Rochester" or "National Alliance for the Mentally Ill in Buffalo" name a group
 * though no other word does. Names and former names match in any case; acronyms only in capitals and only from
 * four letters ("NA" and "AA" are everyday letters). A record whose website is one page of a larger body (SAMHSA's
 * helpline) lends no acronym: "SAMHSA" names the agency, not the helpline.
 */
let directoryNamesCache: ReturnType<typeof directoryNames> | null = null;
const names = () => (directoryNamesCache ??= directoryNames());

/**
 * The cheap first test: every phrase, name and acronym above, in any case, with any whitespace between words, and
 * nothing else — no word boundaries, no capitals rule, no Unicode classes. Whatever the whole judgement accepts
 * passes it (tests/unit/spotting.test.ts checks phrases, names and labelled links); ordinary words ("online",
 * "find us", "local news", "support") do not, so a page without a mutual-aid phrase can be passed over at once.
 * Built from the directory on every page, this cost a millisecond or two of the content script's budget, so the
 * source is kept ready in quick-cues.generated.ts (tests/unit/quick-cues.test.ts fails when it falls behind).
 */
export function cuePattern(): string {
  return [
    ...RESOURCE_PHRASES.map((p) => p.replaceAll('[- ]', '[-\\s]').replaceAll(' ', '\\s+')),
    ...names().nameList.map((n) => n.replaceAll(' ', '\\s+')),
    ...names().acronymList,
    // A group's publications, programmes and branches (programmes.ts).
    ...groupResourceCues(),
    'anonymous',
    'an[oó]nim', // "<Name> Anonymous", "Anónimos"
    // A fellowship's service bodies (serviceBodySource): its letters beside a service word, or the service word first.
    'a\\.\\s?a\\.',
    'n\\.\\s?a\\.',
    "(?:aa|na)(?:'s)?\\s+(?:inter|central|service|general|world|area|district|answering|hot|help|meeting|grapevine|way|oficina|reuniones)",
    'y\\.?p\\.?a\\.?a', // a young people's committee ("ICYPAA", "L.I.C.Y.P.A.A.")
    'inter-?gr',
    'central\\s+(?:service\\s+)?office',
    'service\\s+office',
    'oficina\\s+central',
    '(?:area|district|distrito|[áa]rea)\\s+\\d',
    '\\sline',
    'l[ií]nea', // "Friendship Line", "Línea de amistad"
  ].join('|');
}
const CUES = new RegExp(QUICK_CUES.cuePattern, 'i');

/**
 * The whole judgement's patterns, built on first use: a page whose links all stop at the cheap test never pays
 * for them. Two passes over a text instead of four: what must be in capitals, and what may be in any case.
 */
let fullPatterns: { inCapitals: RegExp; inAnyCase: RegExp } | null = null;
function patterns(): { inCapitals: RegExp; inAnyCase: RegExp } {
  return (fullPatterns ??= {
    inCapitals: new RegExp(`${ANONYMOUS_FELLOWSHIP}|${serviceBodySource()}|${names().acronyms}`, 'u'),
    inAnyCase: new RegExp(`${RESOURCE_PHRASES.join('|')}|${names().names}`, 'iu'),
  });
}

/**
 * Whether the host alone may make a link a resource: a group's current or former domain, or a site whose own name
 * says it is a helpline (veteranscrisisline.net). The host side of mightBeResource, and of the content script's
 * page precheck and per-link test, which must never be narrower.
 */
export function mayBeResourceHost(host: string): boolean {
  return mayBelongToGroup(host) || HELPLINE_HOST.test(host);
}

/** Whether a text (a page's, a block's) holds any phrase that could make a link a resource: the cheap test alone. */
export function mayNameResource(text: string): boolean {
  return CUES.test(text);
}

/** A site whose own name says it is a helpline: veteranscrisisline.net, glbthotline.org. */
const HELPLINE_HOST = /(?:help|hot|crisis|warm)line/i;

/** Giving and buying, on any site (a group's own donate page included): not where a person is sent for help. */
const DONATE = /\b(donat(e|es|ion|ions)|give now|membership|become[ _-]a[ _-]member|store|shop|cart|checkout)\b/i;

/**
 * Our words in phrases that name something else, read as if absent: "self-help books and apps" are reading and tool
 * kits, not a group; a "customer support community" is a company's forum; "financial support for families" is money.
 * Taken out before the words are read, so
 * "Self-help resources and support groups" still names a group.
 */
let otherMeanings: RegExp | null = null;
const OTHER_MEANINGS = () =>
  (otherMeanings ??= new RegExp(
    [
      String.raw`\bself[- ]help (?:resources?|tools?|books?|apps?|applications?|workbooks?|materials?|tips|worksheets?|exercises?|strategies|techniques|skills|guides?|courses?|videos?)\b`,
      // A company's forum, and "support community" as a verb and its object ("Support Community Journalism").
      String.raw`\b(?:customer|technical|tech|product) support communit(?:y|ies)\b`,
      String.raw`\bsupport communit(?:y|ies) (?!for\b|of\b|and\b|in\b|on\b|at\b|to\b|with\b)\p{L}`,
      // Money and benefits for families are not a family group ("Financial support for families").
      String.raw`\b(?:financial|income|tax|cash|child|food|housing|nutrition(?:al)?) support (?:for|to)\b`,
    ].join('|'),
    'giu',
  ));
const withoutOtherMeanings = (text: string) => text.replace(OTHER_MEANINGS(), ' ');

/**
 * A group a therapist runs as therapy ("Short-term therapy group focusing on learning strategies"): a clinician's
 * service, not mutual aid, however its link is worded ("Adult ADD Support Group"). Read in the link's words and its
 * own list item or paragraph. "Therapeutic support group" is a support group.
 */
const THERAPY_GROUP = /\b(?:psycho)?therapy groups?\b|\bgroup (?:psycho)?therapy\b/i;

/**
 * Link words that only point ("here", "click here", "website", "learn more"): what they lead to is said around them.
 * Only such words let a link to the page's own site be judged by its surroundings: "For more information on our
 * monthly Diabetes Support Group, click here."
 */
const POINTER_WORDS = new Set(
  'here click tap visit website site web page link more info information details learn read see go to this that their our its the a an for at on online out check'.split(
    ' ',
  ),
);
const onlyPoints = (words: string) => {
  const ws = words.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return ws.length > 0 && ws.every((w) => POINTER_WORDS.has(w));
};

/**
 * A link set on the running words of a sentence ("The 988 Lifeline officially launched in 2022", "SAMHSA helps those
 * battling substance addiction"): three or more words of its own besides pointing ones, the first in lower case. It
 * leads where its words say (a regulator's news page, an agency's home page), not to what the sentence is about, so
 * the sentence does not make it a resource. "daily meetings" and "click here for meetings" are too short for this.
 */
function runningWords(words: string): boolean {
  if (!/^\p{Ll}/u.test(words)) return false;
  // Words as a reader counts them, between spaces: an address printed as the link ("www.county-groups.org/thursday")
  // is one.
  const own = words.split(/\s+/).filter((w) => w !== '' && !POINTER_WORDS.has(w.toLowerCase().replace(/\W+/g, '')));
  return own.length >= 3;
}

/**
 * Surroundings that are only names run together ("NAMI Veterans Resource Center National Center for PTSD"): a row of
 * links whose box lost its line breaks. The names in it are the other links', not a description of this one; a
 * description has lower-case words of its own ("a twelve-step program for emotional health").
 */
const describes = (around: string) => /(?<![\p{L}])\p{Ll}{4,}/u.test(around);

/**
 * Training, courses for professionals and jobs, on any site (a group's own included): for those who help, not for a
 * person looking for help ("education-training-for-adults", "Webinars", "Careers"). "Workshop" is left out: a grief
 * workshop is for the bereaved.
 */
const FOR_HELPERS = /\b(?:training|trainings|webinars?|continuing education|CEUs?|careers?|jobs)\b/i;

/** Words that look like ours but mean something else. */
const FALSE_FRIENDS =
  /\b(password|account|data|disaster|file|cost|debt|credit|system|key) recovery\b|\brecover (your )?(password|account)\b|\banonymous(ly)? (survey|donation|donor|tip|feedback|report)/iu;

/** News and research sites: an article *about* support groups is not a support group. */
const ARTICLE_SITES = new Set([
  'nytimes.com',
  'washingtonpost.com',
  'cnn.com',
  'bbc.co.uk',
  'bbc.com',
  'npr.org',
  'theguardian.com',
  'usatoday.com',
  'latimes.com',
  'wsj.com',
  'reuters.com',
  'apnews.com',
  'nbcnews.com',
  'cbsnews.com',
  'go.com',
  'foxnews.com',
  'huffpost.com',
  'time.com',
  'newsweek.com',
  'forbes.com',
  'theatlantic.com',
  'vox.com',
  'statnews.com',
  'medium.com',
  'nih.gov',
  'doi.org',
  'sciencedirect.com',
  'springer.com',
  'wiley.com',
  'jamanetwork.com',
  'nejm.org',
  'thelancet.com',
  'bmj.com',
  'nature.com',
  'plos.org',
  'tandfonline.com',
  'sagepub.com',
  'researchgate.net',
  'scholar.google.com',
]);

/** A headline or a sentence, not the name of a group. */
const MAX_NAME_WORDS = 12;

export function spotResource(link: LinkFacts): Spot {
  return mightBeResource(link) ? judgeResource(link) : no('nothing marks it as a resource');
}

/** The whole judgement, without the cheap first test (spotResource is what callers want). */
export function judgeResource(link: LinkFacts): Spot {
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return no('not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return no('not a web link');
  if (isShareIntent(`${url.hostname}${url.pathname}`)) return no('a share button');
  // A wrapper (a site's redirect.php?url=…, a mail scanner's rewritten link) is judged as the address it carries.
  const carried = carriedAddress(link.href, link.pageHost);
  if (carried !== null) {
    const inner = judgeResource({ ...link, href: carried, host: undefined });
    return inner.resource ? { ...inner, because: `${inner.because} (behind a redirect)` } : inner;
  }

  const ownSite = link.pageHost ? roughlySameSite(url.hostname, link.pageHost) : false;
  // "On this page" lists, accordions and "back to top" point at sections of our own pages: their words
  // ("Helplines if you feel unsafe") are headings, and the page itself is already being read.
  if (ownSite && url.hash.length > 1 && (link.pagePath === undefined || url.pathname === link.pagePath))
    return no("a section of the site's own pages");
  // The page's own menus, even on a group's site: a group's "Meetings" tab is not a link to check on every page.
  if (ownSite && (link.inPageChrome?.() ?? false)) return no("the page's own navigation");
  const group = groupForUrl(url);
  const words = `${link.text} ${link.title ?? ''}`.replace(/\s+/g, ' ').trim();
  // Every "yes" below passes here first; ordinary links never pay for the test.
  const yes = (g: Group | null, because: string): Spot =>
    DONATE.test(words) || DONATE.test(`${url.pathname}${url.search}`)
      ? no('a donate or shop link')
      : FOR_HELPERS.test(words) || FOR_HELPERS.test(url.pathname)
        ? no('training or jobs, for those who help')
        : { resource: true, group: g, because };
  if (group) return yes(group, `a site of ${group.name}`);
  // An A.A. or N.A. service body's own meeting list, linked from its own pages: the fellowship's meeting finder.
  if (ownSite && isOwnMeetingList(url, link.pageHost)) return yes(null, "the fellowship's own meeting list");
  // Its page for asking for a temporary contact on leaving treatment or prison ("Corrections TCP").
  if (ownSite && isOwnTemporaryContact(url, link.pageHost)) return yes(null, "the service body's temporary contact");

  if (FALSE_FRIENDS.test(words)) return no('"recovery" of another kind');
  const ours = withoutOtherMeanings(words);
  const therapy = () => THERAPY_GROUP.test(words) || THERAPY_GROUP.test(link.context?.() ?? '');
  const article = isArticleHost(url.hostname);
  // A bracketed expansion ("(Substance Abuse and Mental Health Services Administration, SAMHSA)") is not what
  // makes a headline long, so it does not count against the name.
  const bare = words.includes('(')
    ? words
        .replace(/\([^)]*\)/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : words;
  const nameLike = bare.split(' ').length <= MAX_NAME_WORDS;
  // A group's own publication, programme or branch ("The Recovery Reporter", "GROW in Illinois") is the group's.
  const own = groupResourceNamed(words);
  if (own && !article && nameLike) return yes(own.group, `its words name ${own.group.name}'s ${own.kind}`);
  if (namesResource(ours) || (MAYBE_LINE.test(words) && lineName().test(words))) {
    if (article) return no('an article about support groups');
    if (!nameLike) return no('a sentence, not a group');
    if (therapy()) return no('a therapy group, not mutual aid');
    return yes(null, 'its words name a mutual-aid resource');
  }
  if (!ownSite && !article && nameLike && spellsServiceBody(url, words, link.pageHost)) {
    return yes(null, "a fellowship's service body, its address spelling its name");
  }
  // A neighbour listed on a service body's own links page by its name alone ("Almost Heaven Area").
  if (!ownSite && !article && namesNeighbourServiceBody(words, link.pageHost)) {
    return yes(null, "a fellowship's service body, listed on a service body's own page");
  }
  if (!ownSite && !article && nameLike && HELPLINE_HOST.test(url.hostname)) {
    return yes(null, "the site's name says it is a helpline");
  }
  // An outbound link whose surroundings describe a group: "Emotions Anonymous, a 12-step program — emotionsanonymous.org";
  // a link to the site's own pages only when its words just point ("click here").
  if ((!ownSite || onlyPoints(words)) && !article && nameLike && link.context && !runningWords(words)) {
    const around = link.context();
    if (describes(around) && namesResource(withoutOtherMeanings(around)) && !FALSE_FRIENDS.test(around)) {
      if (therapy()) return no('a therapy group, not mutual aid');
      return yes(null, 'the text around it describes a mutual-aid resource');
    }
  }
  return no('nothing marks it as a resource');
}

/**
 * The whole judgement's first use builds the directory's records and names and compiles its patterns (the engine
 * compiles a pattern the first time it runs): 25-37 ms in one go, timed on the budgets' 10,000-link page
 * (tests/e2e/budgets.test.ts), where a page's longest task should stay well under 50 ms. Here it is in steps of a few
 * milliseconds each, which the marker runs one slice at a time before the first link it judges
 * (src/page-marker/marking.ts). Each step builds one piece and runs its patterns once on a short text; the last two
 * judge made-up links, one by its words and one by the text around it, which compiles the patterns along their way.
 * Nothing here asks anything of the network.
 */
export const JUDGEMENT_STEPS: ReadonlyArray<() => unknown> = [
  () => allGroups(),
  () => names(),
  () => patterns().inCapitals.test(WARM_UP_WORDS),
  () => patterns().inAnyCase.test(WARM_UP_WORDS),
  () => groupResourceNamed(WARM_UP_WORDS),
  () => groupForUrl(WARM_UP_LINK),
  () => judgeResource({ href: WARM_UP_LINK, text: 'Support group for families', pageHost: 'warm-up.invalid' }),
  () =>
    judgeResource({
      href: `${WARM_UP_LINK}meetings`,
      text: 'Meetings',
      context: () => 'Meetings, a 12-step program: find a Support Line near you',
      pageHost: 'page.invalid',
    }),
];
/** Words for the steps above: ordinary ones, so every pattern runs to the end of them. */
const WARM_UP_WORDS = 'A short text about the county fair';
/** A link for them, under a name that is reserved never to be a site (RFC 2606). */
const WARM_UP_LINK = 'https://warm-up.invalid/';

/**
 * A necessary condition for every "yes" in spotResource — a group's host, a helpline's host, or a cue in the link's
 * words or surroundings — at the cost of a few Set look-ups and one short pattern. Ordinary links stop here.
 */
export function mightBeResource(link: Omit<LinkFacts, 'href'> & { href?: string }): boolean {
  const host = link.host ?? hostOf(link.href ?? '');
  if (host === null) return true; // let the full test name the reason
  const carried = link.href === undefined ? null : carriedAddress(link.href, link.pageHost);
  if (carried !== null && mightBeResource({ ...link, href: carried, host: undefined })) return true;
  if (mayBeResourceHost(host)) return true;
  // A service body's own meeting list or temporary contact (isOwnMeetingList, isOwnTemporaryContact), and the
  // neighbours its pages name (namesNeighbourServiceBody): the page's host says so, and the path or words name them.
  if (onServiceBodySite(link.pageHost)) {
    if (link.href !== undefined && OWN_SERVICE_CUE.test(link.href)) return true;
    if (mayNameServiceBody(link.text) || (link.title !== undefined && mayNameServiceBody(link.title))) return true;
  }
  if (
    link.href !== undefined &&
    mayBeServiceBodyAddress(link.href) &&
    (mayNameServiceBody(link.text) || (link.title !== undefined && mayNameServiceBody(link.title)))
  )
    return true;
  if (CUES.test(link.text) || (link.title !== undefined && CUES.test(link.title))) return true;
  return link.context !== undefined && CUES.test(link.context());
}

function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname;
  } catch {
    return null;
  }
}

function namesResource(text: string): boolean {
  const { inCapitals, inAnyCase } = patterns();
  return inCapitals.test(text) || inAnyCase.test(text) || groupResourceNamed(text) !== null;
}

/**
 * The directory's names and acronyms, as alternatives to add to the patterns above ("Alcoholics Anonymous, General
 * Service Office" and "SMART Recovery (USA)" give the name before the qualifier, unless that leaves one everyday
 * word: "Recovery, Inc." stays whole). Whole words by letters rather than \b, so "Recovery, Inc." can end on its
 * full stop.
 */
function directoryNames(): { names: string; acronyms: string; nameList: string[]; acronymList: string[] } {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = new Set<string>();
  const acronyms = new Set<string>();
  for (const g of allGroups()) {
    for (const full of [g.name, ...g.formerNames]) {
      const short = full.split(/,| \(/)[0]!.trim();
      // A record named by its acronym ("NAMI", "JACS") follows the acronym rule.
      if (/^[A-Z]+$/.test(short)) {
        if (short.length >= 4) acronyms.add(short);
      } else names.add(short.includes(' ') ? short : full);
    }
    const wholeSite = g.website === null || new URL(g.website).pathname === '/';
    if (wholeSite) for (const a of g.acronyms) if (a.length >= 4) acronyms.add(a);
  }
  const whole = (set: Set<string>) => `(?<![\\p{L}\\p{N}])(?:${[...set].map(escape).join('|')})(?![\\p{L}\\p{N}])`;
  return {
    names: whole(names),
    acronyms: whole(acronyms),
    nameList: [...names].map(escape),
    acronymList: [...acronyms].map(escape),
  };
}

/** Whether a host is a news or research site's, worked out once per host (every link to a site asks the same). */
export const isArticleHost = rememberedPerKey((host: string): boolean => {
  const labels = host.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) if (ARTICLE_SITES.has(labels.slice(i).join('.'))) return true;
  return false;
});

function no(because: string): Spot {
  return { resource: false, group: null, because };
}
