/**
 * The whole judgement prepared ahead, in steps (src/directory/spotting.ts, JUDGEMENT_STEPS), as the marker runs them
 * before its first judgement (src/page-marker/marking.ts): each step runs on its own, none asks anything of the
 * network, and afterwards every labelled link of the real pages is judged exactly as without them.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkFacts } from '../../src/directory/spotting.ts';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/spotting/links.json', import.meta.url), 'utf8')) as {
  pages: {
    pageHost: string;
    source: { url: string };
    links: { href: string; text: string; title?: string; context: string; inPageChrome: boolean }[];
  }[];
};
const facts: LinkFacts[] = fixture.pages.flatMap((page) =>
  page.links.map((link) => ({
    href: new URL(link.href, page.source.url).href,
    text: link.text,
    ...(link.title ? { title: link.title } : {}),
    pageHost: page.pageHost,
    context: () => link.context,
    inPageChrome: () => link.inPageChrome,
  })),
);

/** Every judgement, from a fresh copy of the directory's modules, with the steps run first or not. */
async function judgements(prepared: boolean): Promise<string[]> {
  vi.resetModules();
  const spotting = await import('../../src/directory/spotting.ts');
  if (prepared) for (const step of spotting.JUDGEMENT_STEPS) step();
  return facts.map((f) => {
    const spot = spotting.judgeResource(f);
    return `${f.href} ${spot.resource} ${spot.group?.id ?? '-'} ${spot.because}`;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the judgement prepared in steps', () => {
  it('runs each step on its own, asking nothing of the network', async () => {
    const fetched: unknown[] = [];
    vi.stubGlobal('fetch', (...args: unknown[]) => {
      fetched.push(args);
      return Promise.reject(new Error('no network here'));
    });
    vi.resetModules();
    const { JUDGEMENT_STEPS } = await import('../../src/directory/spotting.ts');
    expect(JUDGEMENT_STEPS.length).toBeGreaterThan(3);
    for (const step of JUDGEMENT_STEPS) expect(step).not.toThrow();
    expect(fetched).toEqual([]);
  });

  it('judges every labelled link of the real pages as it would have without them', async () => {
    expect(facts.length).toBeGreaterThan(500);
    expect(await judgements(true)).toEqual(await judgements(false));
  });
});
