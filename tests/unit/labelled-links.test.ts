/**
 * The reader that grows the labelled set (scripts/labelled-links.ts) must hand the labeller each link with the
 * surroundings the content script would read: a link's own list item or paragraph, nothing from its neighbours.
 */
import { describe, expect, it } from 'vitest';
import { htmlLinks, markdownLinks } from '../../scripts/labelled-links.ts';

describe('reading a stored page for labelling', () => {
  it('reads HTML links with their words, labels, surroundings and navigation, and drops PHP and non-web links', () => {
    const links = htmlLinks(`<nav><a href="/">Home</a></nav><?php echo $x; ?>
<ul><li>Emotions Anonymous, a 12-step group: <a href="https://ea.example/" title="EA">site</a></li>
<li><a href="https://plain.example/">Just a link</a></li></ul>
<p><a href="https://img.example/"><img alt="Logo"></a> <a href="mailto:x@example.org">Mail</a> <a href="tel:988">988</a></p>`);
    expect(links).toEqual([
      { href: '/', text: 'Home', context: '', inPageChrome: true },
      {
        href: 'https://ea.example/',
        text: 'site',
        title: 'EA',
        context: 'Emotions Anonymous, a 12-step group: site',
        inPageChrome: false,
      },
      { href: 'https://plain.example/', text: 'Just a link', context: '', inPageChrome: false },
      { href: 'https://img.example/', text: '', imgAlt: 'Logo', context: 'Mail 988', inPageChrome: false },
    ]);
  });

  it('reads Markdown links per item, and reads items a conversion ran together apart', () => {
    const links = markdownLinks(`---
title: x
---
- [NAMI](https://nami.example/), the National Alliance on Mental Illness

[AA](https://aa.example/)[NA](https://na.example/)*Hotline 1-800-000-0000*### Grief
[GriefShare](https://griefshare.example/)`);
    expect(links.map((l) => [l.href, l.context])).toEqual([
      ['https://nami.example/', 'NAMI, the National Alliance on Mental Illness'],
      ['https://aa.example/', ''],
      ['https://na.example/', ''],
      ['https://griefshare.example/', ''],
    ]);
  });
});
