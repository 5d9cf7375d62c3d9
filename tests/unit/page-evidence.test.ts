/** The audit's reading of a crawled page's links (src/cli/page-evidence.ts), as the content script reads a live page. */
import { describe, expect, it } from 'vitest';
import { anchorEvidence } from '../../src/cli/page-evidence.ts';

describe('anchorEvidence', () => {
  const html = `<!doctype html><html><head><base href="https://www.county.example/help/"></head><body>
<header><a href="/">Home</a></header>
<ul><li>Al-Anon &amp; Alateen: <a href="meetings" title="Family groups">meetings</a></li>
<li><a href="https://www.aa.org/">Alcoholics Anonymous</a></li></ul>
<p><a href="https://www.ea.org/" aria-label="Emotions Anonymous"><img src="ea.png" alt="EA logo"></a></p>
<div role="contentinfo"><a href="https://www.nami.org/#top">NAMI</a></div>
</body></html>`;
  const found = anchorEvidence(html, 'https://www.county.example/page.html');

  it('resolves every link against the <base>, in document order, fragments kept', () => {
    expect(found.map((a) => a.href)).toEqual([
      'https://www.county.example/',
      'https://www.county.example/help/meetings',
      'https://www.aa.org/',
      'https://www.ea.org/',
      'https://www.nami.org/#top',
    ]);
  });

  it('reads the words, the title as written, the surroundings and the page chrome as the live page does', () => {
    const [home, meetings, aa, ea, nami] = found;
    expect(home!.inPageChrome).toBe(true);
    expect(nami!.inPageChrome).toBe(true);
    expect(meetings).toMatchObject({
      title: 'Family groups',
      context: 'Al-Anon & Alateen: meetings',
      inPageChrome: false,
    });
    // A list item holding only the link says nothing more than the link: no surroundings.
    expect(aa!.context).toBe('');
    // No text of its own: the label and the image's alt are its words.
    expect(ea!.words).toBe(' Emotions Anonymous EA logo');
  });
});
