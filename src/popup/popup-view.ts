/**
 * Drawing the popup: one card per group (a <details>, so Enter and Space open it with no script of ours), the
 * website's verdict in words, and the page's links to each group. DOM calls and textContent only; the only links
 * drawn are the directory's own addresses and tel:/sms:/mailto: built from its numbers and email.
 */
import type { Confidence, Group, Phone, Route, Source } from '../directory/group.ts';
import { factSources, freshness, routeSources, type Freshness } from '../directory/freshness.ts';
import { orderRoutes, routeHref } from '../directory/routes.ts';
import { reportHref } from './report-link.ts';
import { t, tn, uiLanguage, type MessageKey } from '../i18n.ts';
import type { LinkVerdict, PageGroupLink } from '../messages.ts';
import { describeVerdict, formatDay } from '../words/describe.ts';
import type { WatchState } from './verdict-watch.ts';

const PHONE_LABELS: Record<Phone['label'], MessageKey> = {
  office: 'phone_office',
  'meeting-line': 'phone_meeting_line',
  'chapter-services': 'phone_chapter_services',
};

/** What kind of way in each route is, in the card's label column. */
const WAY_LABELS: Record<Route['way'], MessageKey> = {
  call: 'phone_helpline',
  text: 'phone_text',
  tty: 'phone_tty',
  chat: 'route_label_chat',
  videophone: 'route_label_videophone',
  relay: 'route_label_relay',
  whatsapp: 'route_label_whatsapp',
};

/** groups.md's legend, in words a clinician can weigh. */
const CONFIDENCE: Record<Confidence, MessageKey> = {
  H: 'confidence_h',
  M: 'confidence_m',
  L: 'confidence_l',
};

const SHORT: Record<LinkVerdict['verdict'], MessageKey> = {
  alive: 'site_alive',
  moved: 'site_moved',
  dead: 'site_dead',
  unverified: 'site_unverified',
};

/** What the page shows for its own link, by the page's verdict (the codes themselves are never translated). */
const PAGE_MARK: Record<PageGroupLink['verdict'], MessageKey> = {
  checking: 'page_mark_checking',
  alive: 'page_mark_alive',
  moved: 'page_mark_moved',
  dead: 'page_mark_dead',
  unverified: 'page_mark_unverified',
};

type Make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string>,
  ...children: Array<Node | string | null>
) => HTMLElementTagNameMap[K];

function maker(doc: Document): Make {
  return (tag, attrs = {}, ...children) => {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    for (const child of children) if (child !== null) el.append(child);
    return el;
  };
}

/** Only https addresses leave the popup as links: the directory's are all https, anything else is a data bug. */
function safeWebUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** "https://samhsa.gov/find-help/national-helpline" → "samhsa.gov/find-help/national-helpline"; a bare site → its host. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname === '/' ? '' : u.pathname}${u.search}`;
    return `${u.hostname.replace(/^www\./, '')}${rest}`;
  } catch {
    return url;
  }
}

/** tel: for an office's number. US numbers of ten digits get +1 so they dial from a phone set to another country. */
export function phoneHref(phone: Phone): string {
  const digits = phone.number.replace(/\D/g, '');
  const dialable =
    digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith('1') ? `+${digits}` : digits;
  return `tel:${dialable}`;
}

export interface CardOptions {
  open: boolean;
  /** The old name or domain the search found the group by. */
  formerly: string | null;
  /** Languages to show routes in first, the most wanted first (the query's, then the browser's). */
  languages?: readonly string[];
  /** Where "Tell us a number is wrong" goes (settings.reportTo): "" for the reader's own mail program. */
  reportTo?: string;
  /** Today, for saying which facts rest only on old sources. */
  today?: Date;
}

export function groupCard(doc: Document, group: Group, options: CardOptions): HTMLLIElement {
  const h = maker(doc);
  const website = safeWebUrl(group.website);
  const summary = h(
    'summary',
    {},
    h('span', { class: 'name' }, group.name),
    options.formerly ? h('span', { class: 'formerly' }, t('formerly', options.formerly)) : null,
    website
      ? h('span', { class: 'badge', 'data-badge-for': website, 'data-state': 'checking' }, t('site_checking'))
      : null,
  );
  const details = h('details', {}, summary, cardBody(doc, group, options));
  details.open = options.open;
  return h('li', { class: 'group', 'data-group-id': group.id }, details);
}

function cardBody(doc: Document, group: Group, options: CardOptions): HTMLElement {
  const h = maker(doc);
  const body = h('div', { class: 'body' });
  const today = options.today ?? new Date();
  if (group.routes.length) {
    const ordered = orderRoutes(group.routes, options.languages ?? [uiLanguage()]);
    body.append(
      h(
        'ul',
        { class: 'routes', 'aria-label': t('routes_label') },
        ...ordered.map((route) => routeItem(doc, group, route, today)),
      ),
    );
  }
  if (group.phones.length) {
    body.append(
      h(
        'ul',
        { class: 'phones', 'aria-label': t('phones_label') },
        ...group.phones.map((phone) =>
          h(
            'li',
            {},
            h('span', { class: 'label' }, t(PHONE_LABELS[phone.label])),
            ' ',
            h(
              'a',
              {
                href: phoneHref(phone),
                class: 'phone action call',
                'aria-label': t('phone_action_call_label', phone.number),
              },
              `${t('phone_action_call')} ${phone.number}`,
            ),
            ' ',
            copyButton(doc, phone.number),
            phone.note || phone.confidence === 'L'
              ? h(
                  'span',
                  { class: 'note' },
                  [phone.note, phone.confidence === 'L' ? t('from_source', t(CONFIDENCE.L)) : null]
                    .filter(Boolean)
                    .join('; '),
                )
              : null,
          ),
        ),
      ),
      // A text node of nothing when the fact's sources are fresh: append takes no null.
      staleNote(
        doc,
        freshness(
          factSources(group, 'phones').map((s) => s.date),
          today,
        ),
      ) ?? '',
    );
  }
  if (group.address) {
    const graded = group.addressConfidence === 'L' ? ` (${t('from_source', t(CONFIDENCE.L))})` : '';
    body.append(
      h('p', { class: 'address' }, h('span', { class: 'label' }, t('label_address')), ' ', `${group.address}${graded}`),
      // A text node of nothing when the fact's sources are fresh: append takes no null.
      staleNote(
        doc,
        freshness(
          factSources(group, 'address').map((s) => s.date),
          today,
        ),
      ) ?? '',
    );
  }
  if (group.email) {
    body.append(
      h(
        'p',
        { class: 'email' },
        h('span', { class: 'label' }, t('label_email')),
        ' ',
        h('a', { href: `mailto:${group.email}` }, group.email),
      ),
    );
  }
  const website = safeWebUrl(group.website);
  if (website) {
    body.append(
      h(
        'p',
        { class: 'website' },
        h('span', { class: 'label' }, t('label_website')),
        ' ',
        h('a', { href: website, target: '_blank', rel: 'noopener noreferrer' }, displayUrl(website)),
      ),
      h(
        'p',
        { class: 'verdict', 'data-verdict-for': website, 'data-state': 'checking', 'aria-live': 'polite' },
        t('website_checking'),
      ),
    );
  } else {
    body.append(h('p', { class: 'verdict' }, t('no_website')));
  }
  const finder = safeWebUrl(group.meetingFinder);
  if (finder && finder !== website) {
    body.append(
      h(
        'p',
        { class: 'finder' },
        h('span', { class: 'label' }, t('label_meetings')),
        ' ',
        h('a', { href: finder, target: '_blank', rel: 'noopener noreferrer' }, displayUrl(finder)),
      ),
    );
  }
  if (group.languages.length) {
    const names = new Intl.DisplayNames([uiLanguage()], { type: 'language' });
    body.append(
      h(
        'p',
        { class: 'languages' },
        h('span', { class: 'label' }, t('label_languages')),
        ' ',
        group.languages.map((l) => names.of(l) ?? l).join(', '),
      ),
    );
  }
  if (group.notes) body.append(h('p', { class: 'notes' }, group.notes));
  body.append(sourceLine(doc, group), reportLine(doc, group, options.reportTo ?? ''));
  return body;
}

/**
 * One way into a line: what to do, in words and on its button ("Llame al 988 y marque 2"), its language, its note,
 * and a plain warning when its only sources are undated or old.
 */
function routeItem(doc: Document, group: Group, route: Route, today: Date): HTMLLIElement {
  const h = maker(doc);
  const href = routeHref(route);
  const words = routeWords(route);
  const names = new Intl.DisplayNames([uiLanguage()], { type: 'language' });
  return h(
    'li',
    { 'data-way': route.way, 'data-languages': route.languages.join(' ') },
    h('span', { class: 'label' }, t(WAY_LABELS[route.way])),
    ' ',
    href
      ? h(
          'a',
          {
            href,
            class: `route action ${route.way}`,
            'aria-label': words.label,
            ...(route.way === 'chat' ? { target: '_blank', rel: 'noopener noreferrer' } : {}),
          },
          words.button,
        )
      : h('span', { class: `route ${route.way}` }, words.button),
    ' ',
    route.way === 'chat' ? null : copyButton(doc, route.to),
    route.languages.length
      ? h('span', { class: 'lang' }, t('route_in_language', route.languages.map((l) => names.of(l) ?? l).join(', ')))
      : null,
    route.note || route.confidence === 'L'
      ? h(
          'span',
          { class: 'note' },
          [route.note, route.confidence === 'L' ? t('from_source', t(CONFIDENCE.L)) : null].filter(Boolean).join('; '),
        )
      : null,
    staleNote(
      doc,
      freshness(
        routeSources(group, route).map((s) => s.date),
        today,
      ),
    ),
  );
}

/** A route's button text and accessible name, in the UI language. */
export function routeWords(route: Route): { button: string; label: string } {
  const n = route.to;
  switch (route.way) {
    case 'call': {
      const button = route.press ? t('route_call_press', n, route.press) : `${t('phone_action_call')} ${n}`;
      return { button, label: route.press ? button : t('phone_action_call_label', n) };
    }
    case 'text': {
      const button = route.keyword
        ? t('route_text_keyword', route.keyword, n)
        : route.press
          ? t('route_text_press', n, route.press)
          : `${t('phone_action_text')} ${n}`;
      return { button, label: route.keyword || route.press ? button : t('phone_action_text_label', n) };
    }
    case 'tty':
      return { button: `${t('phone_action_tty')} ${n}`, label: t('phone_action_tty_label', n) };
    case 'chat':
      return { button: t('route_chat'), label: t('route_chat_label', displayUrl(n)) };
    case 'videophone':
      return { button: t('route_videophone', n), label: t('route_videophone', n) };
    case 'relay':
      return { button: t('route_relay', n), label: t('route_relay', n) };
    case 'whatsapp':
      return { button: t('route_whatsapp', n), label: t('route_whatsapp', n) };
  }
}

function copyButton(doc: Document, text: string): HTMLButtonElement {
  return maker(doc)(
    'button',
    { type: 'button', class: 'copy', 'data-copy': text, 'aria-label': t('copy_number_label', text) },
    t('copy'),
  );
}

/** The plain warning for a fact whose only sources are undated or more than three years old; nothing otherwise. */
function staleNote(doc: Document, state: Freshness): HTMLElement | null {
  if (state.state === 'fresh') return null;
  return maker(doc)(
    'span',
    { class: 'stale', 'data-stale': state.state },
    state.state === 'undated' ? t('fact_undated') : t('fact_old', state.newest.slice(0, 4)),
  );
}

/** A source's address as a link: http(s) only, whatever the data says. */
function sourceHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The sources a card's facts were checked against: those of its routes and phones (what a clinician reads out),
 * else its website's, else its first; each shown once, best first.
 */
export function cardSources(group: Group): Source[] {
  const cited = new Set(group.routes.flatMap((r) => r.cites));
  const behind = group.sources.filter((s) => cited.has(s.url) || s.facts.includes('phones'));
  const chosen = behind.length ? behind : group.sources.filter((s) => s.facts.includes('website'));
  return chosen.length ? chosen : group.sources.slice(0, 1);
}

/** Sources named on a card; the rest are counted ("and 3 more"). */
const SOURCES_SHOWN = 3;

/**
 * "Checked 7 Dec 2026 against: 988lifeline.org (undated), cdcr.ca.gov (2022-07-19) · mostly from …": the day the
 * facts were compared with their sources, and each source's own date, so nobody reads the day of checking as the
 * day a number was last known to work.
 */
function sourceLine(doc: Document, group: Group): HTMLParagraphElement {
  const h = maker(doc);
  const line = h('p', { class: 'source' }, t('group_checked', formatDay(group.verified)));
  const sources = cardSources(group)
    .map((source) => ({ source, href: sourceHref(source.url) }))
    .filter((x): x is { source: Source; href: string } => x.href !== null);
  sources.slice(0, SOURCES_SHOWN).forEach(({ source, href }, i) => {
    const where = new URL(href).hostname.replace(/^www\./, '');
    line.append(
      i === 0 ? ' ' : ', ',
      h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, where),
      ` (${source.date ?? t('source_undated')})`,
    );
  });
  if (sources.length > SOURCES_SHOWN) line.append(' ', t('sources_more', sources.length - SOURCES_SHOWN));
  line.append(' · ', t('group_confidence', t(CONFIDENCE[group.confidence])));
  return line;
}

/**
 * "Tell us a number is wrong": a link that opens a prefilled report naming the record, each number with the
 * sources it was read on, and the day it was checked. It leads to the place the editor chose (settings.reportTo);
 * nothing is sent unless the reader sends it.
 */
function reportLine(doc: Document, group: Group, reportTo: string): HTMLParagraphElement {
  const h = maker(doc);
  const link = h(
    'a',
    { class: 'report-link', 'data-report-for': group.id, href: reportHrefFor(group, reportTo) },
    t('report_wrong'),
  );
  if (reportTo.startsWith('https://')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  return h('p', { class: 'report' }, link);
}

/** The report's address for one card, to `reportTo` (settings.reportTo). */
export function reportHrefFor(group: Group, reportTo: string): string {
  const facts = [
    ...group.routes.map((route) => ({ what: routeWords(route).button, sources: routeSources(group, route) })),
    ...group.phones.map((phone) => ({
      what: `${t(PHONE_LABELS[phone.label])} ${phone.number}`,
      sources: factSources(group, 'phones'),
    })),
  ];
  const lines = [
    t('report_body_record', group.name, group.id),
    t('report_body_checked', group.verified),
    '',
    ...facts.flatMap(({ what, sources }) => [
      `- ${what}`,
      ...sources.map((s) => `  ${t('report_body_source', s.url, s.date ?? t('source_undated'))}`),
    ]),
    '',
    t('report_body_ask'),
    '',
  ];
  return reportHref(reportTo, { subject: t('report_subject', group.name), body: lines.join('\n') });
}

/** The page's links to one group, under the group's own card. */
export function pageGroupCard(doc: Document, group: Group, links: PageGroupLink[]): HTMLLIElement {
  const h = maker(doc);
  const card = groupCard(doc, group, { open: false, formerly: null });
  const summary = card.querySelector('summary')!;
  summary.append(h('span', { class: 'on-page' }, linkCount(links)));
  card.querySelector('.body')!.prepend(
    h(
      'ul',
      { class: 'page-links', 'aria-label': t('page_links_label') },
      // Page addresses are shown, never linked: only the directory's addresses become links here.
      ...links.map((link) =>
        h(
          'li',
          { 'data-page-link': link.url },
          h('span', { class: 'url' }, displayUrl(link.url)),
          ' ',
          h(
            'span',
            {
              class: 'verdict',
              'data-verdict-for': link.url,
              'data-state': link.verdict,
              'data-page-verdict': link.verdict,
              'data-page-reason': link.reason ?? '',
              'aria-live': 'polite',
            },
            pageMarkText(link),
          ),
        ),
      ),
    ),
  );
  return card;
}

function linkCount(links: PageGroupLink[]): string {
  const dead = links.filter((l) => l.verdict === 'dead').length;
  const here = tn('links_here', links.length);
  return dead ? tn('links_dead', dead, here) : here;
}

/** What the page itself shows for a link, until the background's fuller verdict arrives. */
function pageMarkText(link: Pick<PageGroupLink, 'verdict' | 'reason'>): string {
  const words = Object.hasOwn(PAGE_MARK, link.verdict) ? t(PAGE_MARK[link.verdict]) : link.verdict;
  if (link.verdict === 'checking') return words;
  // The reason stays a code, as the page's data-link-health-reason says it.
  return `${words}${link.reason && link.verdict !== 'alive' ? ` (${link.reason})` : ''}`;
}

/** "Audit this page": opens the report of every link of the page (src/audit/) in a new tab. */
export function auditButton(doc: Document): HTMLParagraphElement {
  const h = maker(doc);
  return h(
    'p',
    { class: 'audit' },
    h('button', { type: 'button', id: 'audit-page', title: t('audit_open_button_hint') }, t('audit_open_button')),
  );
}

/** Redraws every verdict on show from the watch; text that has not changed is left alone, so nothing is re-announced. */
export function drawVerdicts(root: ParentNode, stateOf: (url: string) => WatchState): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-verdict-for]')) {
    const state = stateOf(el.getAttribute('data-verdict-for')!);
    const page = el.getAttribute('data-page-verdict');
    let text: string;
    let mark: string;
    if (state.state === 'known') {
      text = `${describeVerdict(state.verdict)}${state.rechecking ? ` ${t('checking_again')}` : ''}`;
      mark = state.verdict.verdict;
    } else if (page) {
      text = pageMarkText({
        verdict: page as PageGroupLink['verdict'],
        reason: el.getAttribute('data-page-reason') || null,
      });
      mark = page;
    } else if (state.state === 'checking') {
      text = t('website_checking');
      mark = 'checking';
    } else {
      text = t('not_checked_yet');
      mark = 'not-yet';
    }
    if (el.textContent !== text) el.textContent = text;
    el.setAttribute('data-state', mark);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-badge-for]')) {
    const state = stateOf(el.getAttribute('data-badge-for')!);
    const text = t(
      state.state === 'known'
        ? SHORT[state.verdict.verdict]
        : state.state === 'checking'
          ? 'site_checking'
          : 'site_not_yet',
    );
    if (el.textContent !== text) el.textContent = text;
    el.setAttribute('data-state', state.state === 'known' ? state.verdict.verdict : state.state);
  }
}
