/**
 * Growing the labelled set (tests/fixtures/spotting/links.json): reads one stored page — HTML (PHP and JSX sources
 * read as their HTML), or Markdown — and prints its links as the set keeps them, each with its words, labels,
 * surroundings and whether it sits in the page's navigation, for a person to label by hand. Nothing is labelled
 * here: the label is the reader's judgement, never the code's.
 *   node scripts/labelled-links.ts FILE PAGE_URL [--markdown]
 * PHP includes of the page's own partials are read in their place when --includes names the folder they are read
 * from; other PHP blocks (variables, code) are dropped, so what they would print is not in the set: say so in the
 * source note.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { CONTEXT_CHARS, EVIDENCE_BOXES, PAGE_CHROME_ROLES, PAGE_CHROME_TAGS } from '../src/directory/link-evidence.ts';

export interface UnlabelledLink {
  href: string;
  text: string;
  ariaLabel?: string;
  imgAlt?: string;
  title?: string;
  context: string;
  inPageChrome: boolean;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const BOXES = new Set<string>(EVIDENCE_BOXES);
const CHROME_TAGS = new Set<string>(PAGE_CHROME_TAGS);
const CHROME_ROLES = new Set<string>(PAGE_CHROME_ROLES);

/** Links of an HTML page as the labelled set keeps them (the fields of tests/fixtures/spotting/links.json). */
export function htmlLinks(source: string): UnlabelledLink[] {
  const html = source.replace(/<\?(?:php|=|\s)[\s\S]*?(?:\?>|$)/g, '');
  const doc = parseDocument(html, { decodeEntities: true });
  const closest = (node: Element, test: (e: Element) => boolean): Element | null => {
    for (let n: AnyNode | null = node; n; n = n.parent) if (n.type === 'tag' && test(n as Element)) return n as Element;
    return null;
  };
  const out: UnlabelledLink[] = [];
  for (const a of DomUtils.findAll((e) => e.name === 'a' && typeof e.attribs.href === 'string', doc.children)) {
    const href = a.attribs.href!.trim();
    if (!href || /^(?:tel|sms|mailto|javascript):/i.test(href) || href === '#') continue;
    const text = collapse(DomUtils.textContent(a));
    const img = DomUtils.findOne((e) => e.name === 'img', a.children, true);
    const box = closest(a, (e) => BOXES.has(e.name));
    const boxText = box ? collapse(DomUtils.textContent(box)) : '';
    out.push({
      href,
      text,
      ...(a.attribs['aria-label'] ? { ariaLabel: collapse(a.attribs['aria-label']) } : {}),
      ...(img?.attribs.alt !== undefined ? { imgAlt: collapse(img.attribs.alt) } : {}),
      ...(a.attribs.title ? { title: collapse(a.attribs.title) } : {}),
      context: boxText === text ? '' : boxText.slice(0, CONTEXT_CHARS),
      inPageChrome: closest(a, (e) => CHROME_TAGS.has(e.name) || CHROME_ROLES.has(e.attribs.role ?? '')) !== null,
    });
  }
  return out;
}

/**
 * Links of a Markdown page: [words](address), <address>, and HTML anchors inside it; the surroundings are the
 * paragraph or list item's text with the link markup read as its words.
 */
export function markdownLinks(source: string): UnlabelledLink[] {
  // A heading run on after a link ("…](/x)### Depression", as some conversions write them) starts a block of its own.
  // Some conversions run a list's items together ("[AA](…)[NA](…)*Hotline 1-800-…*### Depression"): an item that
  // starts right where another ends, and a heading run on after it, start blocks of their own, as on the page.
  const body = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/(?<=\S)(?=#{1,6} )/g, '\n')
    .replace(/(?<=\]\([^)\s]*\)|\*)(?=\[|\*[^*\s])/g, '\n\n');
  // Blocks: paragraphs, list items, and headings (a line of its own).
  const blocks = body.split(/\n(?=\s*(?:[-*+]|\d+\.|#+)\s)|\n\s*\n|(?<=^#{1,6} .*)\n/m);
  const out: UnlabelledLink[] = [];
  for (const block of blocks) {
    const plain = collapse(
      block
        .replace(/\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, '$1')
        .replace(/<(https?:[^>]+)>/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/^\s*(?:[-*+]|\d+\.|#+)\s+/gm, '')
        .replace(/[*_`]/g, ''),
    );
    const found: Array<{ at: number; link: UnlabelledLink }> = [];
    for (const m of block.matchAll(/\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g)) {
      found.push({
        at: m.index,
        link: { href: m[2]!, text: collapse(m[1]!.replace(/[*_`]/g, '')), context: '' } as UnlabelledLink,
      });
    }
    for (const m of block.matchAll(/<(https?:[^>\s]+)>/g))
      found.push({ at: m.index, link: { href: m[1]!, text: m[1]!, context: '' } as UnlabelledLink });
    if (/<a\s/i.test(block)) for (const link of htmlLinks(block)) found.push({ at: block.indexOf(link.href), link });
    // A block that is nothing but links run together (a converted list whose items lost their breaks) gives each
    // link no surroundings: on the page each stood alone.
    let rest = plain;
    for (const { link } of found) rest = rest.replace(link.text, '');
    const onlyLinks = !/[\p{L}\p{N}]/u.test(rest);
    for (const { link } of found.sort((x, y) => x.at - y.at)) {
      if (/^(?:tel|sms|mailto|javascript):/i.test(link.href)) continue;
      const context = plain === link.text || onlyLinks ? '' : plain.slice(0, CONTEXT_CHARS);
      out.push({ ...link, context, inPageChrome: false });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { markdown: { type: 'boolean' }, includes: { type: 'string' } },
  });
  const [file, page] = positionals;
  if (!file || !page)
    throw new Error('usage: node scripts/labelled-links.ts FILE PAGE_URL [--markdown] [--includes DIR]');
  let text = readFileSync(file, 'utf8');
  if (values.includes) {
    // <?php require_once('./partials/footer.phtml') ?>, <?php include 'header.inc'; ?>, <? readfile("menu.php"); ?>:
    // the partial in its place.
    text = text.replace(
      /<\?(?:php)?\s+(?:require|include|readfile)(?:_once)?\s*\(?\s*['"]([^'"]+)['"]\s*\)?\s*;?\s*\?>/g,
      (whole, partial: string) => {
        const at = path.join(values.includes!, partial);
        return existsSync(at) ? readFileSync(at, 'utf8') : whole;
      },
    );
  }
  const links = values.markdown || /\.md$/.test(file) ? markdownLinks(text) : htmlLinks(text);
  console.log(JSON.stringify({ page, links }, null, 1));
}
