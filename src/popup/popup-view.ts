/**
 * Drawing the popup: one card per group (a <details>, so Enter and Space open it with no script of ours), the
 * website's verdict in words, and the page's links to each group. DOM calls and textContent only; the only links
 * drawn are the directory's own addresses and tel:/sms:/mailto: built from its numbers and email.
 */
import type { Confidence, Group, Phone, Source } from '../directory/group.ts';
import { t, tn, uiLanguage, type MessageKey } from '../i18n.ts';
import type { LinkVerdict, PageGroupLink } from '../messages.ts';
import { describeVerdict, formatDay } from '../page/describe.ts';
import type { WatchState } from './verdict-watch.ts';

const PHONE_LABELS: Record<Phone['label'], MessageKey> = {
  office: 'phone_office',
  helpline: 'phone_helpline',
  text: 'phone_text',
  tty: 'phone_tty',
  'meeting-line': 'phone_meeting_line',
  'chapter-services': 'phone_chapter_services',
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

/**
 * tel: for calls, sms: for text lines (calling a short code such as 62640 reaches nothing). US numbers of ten
 * digits get +1 so they dial from a phone set to another country; 988 and short codes stay as printed.
 */
export function phoneHref(phone: Phone): string {
  const digits = phone.number.replace(/\D/g, '');
  const dialable =
    digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith('1') ? `+${digits}` : digits;
  return `${phone.label === 'text' ? 'sms' : 'tel'}:${dialable}`;
}

export interface CardOptions {
  open: boolean;
  /** The old name or domain the search found the group by. */
  formerly: string | null;
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
  const details = h('details', {}, summary, cardBody(doc, group));
  details.open = options.open;
  return h('li', { class: 'group', 'data-group-id': group.id }, details);
}

function cardBody(doc: Document, group: Group): HTMLElement {
  const h = maker(doc);
  const body = h('div', { class: 'body' });
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
            // Call, text and TTY are separate ways to reach a line: each says which it is on the button itself.
            h(
              'a',
              {
                href: phoneHref(phone),
                class: `phone action ${phoneAction(phone)}`,
                'aria-label': t(ACTION_LABELS[phoneAction(phone)], phone.number),
              },
              `${t(ACTION_WORDS[phoneAction(phone)])} ${phone.number}`,
            ),
            ' ',
            h(
              'button',
              {
                type: 'button',
                class: 'copy',
                'data-copy': phone.number,
                'aria-label': t('copy_number_label', phone.number),
              },
              t('copy'),
            ),
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
    );
  }
  if (group.address) {
    const graded = group.addressConfidence === 'L' ? ` (${t('from_source', t(CONFIDENCE.L))})` : '';
    body.append(
      h('p', { class: 'address' }, h('span', { class: 'label' }, t('label_address')), ' ', `${group.address}${graded}`),
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
  body.append(sourceLine(doc, group));
  return body;
}

/** How a phone entry is reached: a text line by message, a TTY line by TTY, every other line by a call. */
export function phoneAction(phone: Phone): 'call' | 'text' | 'tty' {
  return phone.label === 'text' ? 'text' : phone.label === 'tty' ? 'tty' : 'call';
}

const ACTION_WORDS: Record<ReturnType<typeof phoneAction>, MessageKey> = {
  call: 'phone_action_call',
  text: 'phone_action_text',
  tty: 'phone_action_tty',
};
const ACTION_LABELS: Record<ReturnType<typeof phoneAction>, MessageKey> = {
  call: 'phone_action_call_label',
  text: 'phone_action_text_label',
  tty: 'phone_action_tty_label',
};

/**
 * The source a card names: the one behind its phones, else its website, else its first. A clinician reading a
 * number out wants to know where it was printed.
 */
export function citedSource(group: Group): Source | null {
  return (
    group.sources.find((s) => s.facts.includes('phones')) ??
    group.sources.find((s) => s.facts.includes('website')) ??
    group.sources[0] ??
    null
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

/** "Verified 3 Dec 2026 · source: aa.org (2024-09) · mostly the organisation's own page". */
function sourceLine(doc: Document, group: Group): HTMLParagraphElement {
  const h = maker(doc);
  const line = h('p', { class: 'source' }, t('group_verified', formatDay(group.verified)));
  const source = citedSource(group);
  const href = source ? sourceHref(source.url) : null;
  if (source && href) {
    const where = new URL(href).hostname.replace(/^www\./, '');
    line.append(
      ' · ',
      t('group_source_label'),
      ' ',
      h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, where),
      source.date ? ` (${source.date})` : '',
    );
  }
  line.append(' · ', t('group_confidence', t(CONFIDENCE[group.confidence])));
  return line;
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

/** "Audit this page": opens the report of every link of the page (src/audit-page/) in a new tab. */
export function auditButton(doc: Document): HTMLParagraphElement {
  const h = maker(doc);
  return h(
    'p',
    { class: 'audit' },
    h('button', { type: 'button', id: 'audit-page', title: t('audit_open_button_hint') }, t('audit_open_button')),
  );
}

/** "Check the links in this PDF", when the tab shows a PDF: a paragraph of its own beside the audit's. */
export function pdfButton(doc: Document): HTMLParagraphElement {
  const h = maker(doc);
  return h(
    'p',
    { class: 'audit pdf' },
    h('button', { type: 'button', id: 'check-pdf', title: t('pdf_open_button_hint') }, t('pdf_open_button')),
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
