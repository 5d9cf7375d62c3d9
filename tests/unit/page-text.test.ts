/**
 * Reading a page (src/health/page-text.ts) with a real tokenizer: what the classifiers need, every named entity
 * decoded, no raw control character in what is kept, and a bound on the work that no page can break — the pages
 * below once cost seconds each with regular expressions (a 256 KiB page of '<h1>' took 9.3 s).
 */
import { describe, expect, it } from 'vitest';
import { readPage, type ReadingWork } from '../../src/health/page-text.ts';

describe('readPage', () => {
  it('reads the title, the main headings, the visible text, scripts and a meta refresh', () => {
    const page = readPage(`<html><head><title>Página no encontrada &mdash; NAMI</title>
<meta http-equiv="Refresh" content="0; URL='https://nami.org/x?a=1&amp;b=2'"><script src="/app.js"></script>
<style>p { color: red }</style><body><h1>Page <em>not</em> found</h1><p>Sorry &hellip; &copy; 2026</p>
<script>window.location = "https://sedo.com/search"</script><svg><title>logo</title></svg></body></html>`);
    expect(page.title).toBe('Página no encontrada — NAMI');
    expect(page.headings).toEqual(['Page not found']);
    expect(page.text).toBe('Page not found Sorry … © 2026');
    expect(page.scriptSources).toEqual(['/app.js']);
    expect(page.inlineScript).toContain('sedo.com');
    expect(page.metaRefresh).toEqual({ delaySeconds: 0, url: 'https://nami.org/x?a=1&b=2' });
  });

  it('keeps the text of a page whose optional end tags are left out, and of a page cut off mid-tag', () => {
    expect(readPage('<html><head><title>t</title><p>Meetings every Tuesday').text).toBe('Meetings every Tuesday');
    expect(readPage('<title>Support groups</title><h1>Find a meeting</h1><p>Weekly meet').headings).toEqual([
      'Find a meeting',
    ]);
    expect(readPage('<title>Cut off in the tit').title).toBe('Cut off in the tit');
  });

  it('never lets an encoded control character through into a title, a heading or the text', () => {
    const page = readPage('<title>Not found&#27;]0;pwned&#7;</title><h1>&#x1b;[31mGone</h1><p>a&#0;b&#127;c</p>');
    for (const s of [page.title, ...page.headings, page.text])
      // eslint-disable-next-line no-control-regex
      expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(page.title).toBe('Not found ]0;pwned');
  });

  it.each([
    ['65,536 unclosed <h1>', '<h1>'.repeat(65_536)],
    ['32,768 unclosed <script>', '<script>'.repeat(32_768)],
    ['nested headings around a long text', `${'<h1>'.repeat(20_000)}${'support group '.repeat(10_000)}`],
    ['unclosed titles and comments', `${'<title><!--'.repeat(20_000)}x`],
    ['a meta refresh on every line', '<meta http-equiv=refresh content="0;url=/a">\n'.repeat(5_000)],
  ])('does work in proportion to the page on %s', (_case, html) => {
    const work: ReadingWork = { charactersKept: 0 };
    readPage(html, work);
    // Each character is kept at most in the text, one heading and the title: never once per enclosing element.
    expect(work.charactersKept).toBeLessThanOrEqual(3 * html.length);
  });
});
