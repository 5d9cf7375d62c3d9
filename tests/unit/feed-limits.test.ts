/**
 * The feed reader refuses what docs/verdict-feed.md refuses, before parsing anything (src/feed/feed-shape.ts): keys
 * the format does not know at any level, nesting deeper than the format needs (the 38 MiB of nested arrays that once
 * cost 9 s and 2 GB, refused at its first bytes), invisible and direction characters anywhere, as is or escaped,
 * counts and lengths beyond any feed's. bench/feed-bench.ts --reader prints the time and memory of these cases.
 */
import { describe, expect, it } from 'vitest';
import { buildFeed, publisherProblem, renderFeed } from '../../src/feed/feed.ts';
import { checkFeedShape, MAX_TEXT_LENGTH, ShapeRefused } from '../../src/feed/feed-shape.ts';
import { FeedError, readFeed } from '../../src/feed/read-feed.ts';
import { HISTORY_LIMIT } from '../../src/health/link-health.ts';

const NOW = Date.parse('2026-12-03T08:00:00Z');
const HEAD =
  '{"format":"still-there-verdict-feed","version":1,"publisher":"County BH","site":"x","generatedAt":"2026-12-03T02:00:00Z"';
const at = '2026-12-03T02:00:00.000Z';
const link = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    url: 'https://al-anon.org/',
    verdict: 'alive',
    reason: 'ok',
    status: 200,
    finalUrl: 'https://al-anon.org/',
    newHome: null,
    archive: null,
    checkedAt: at,
    history: [{ at, outcome: 'ok', reason: 'ok' }],
    firstFailedAt: null,
    lastAliveAt: at,
    ...over,
  });
const feedWith = (links: string[], extra = '') => `${HEAD}${extra},"links":[\n${links.join(',\n')}\n]}\n`;
const refusal = (text: string): string => {
  try {
    readFeed(text, { now: NOW });
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return (err as Error).message;
  }
  return 'accepted';
};

describe('nesting deeper than the format needs', () => {
  it('refuses 38 MiB of nested arrays under a key no feed has, at that key', () => {
    const depth = 19 * 1024 * 1024;
    const text = `{"format":"still-there-verdict-feed","padding":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(text.length).toBeGreaterThan(38 * 1024 * 1024);
    expect(refusal(text)).toBe('it has a key the format does not know, "padding" at the top');
  });

  it.each([
    [
      'a list of lists for links',
      feedWith(['[[[[[[[[[[[[]]]]]]]]]]]]']),
      /nests a list where the format has none \(link 1\)/,
    ],
    [
      'an object for a publisher',
      `{"publisher":{"name":"x"}}`,
      /nests an object where the format has none \("publisher"\)/,
    ],
    ['a list inside a status', feedWith([link({ status: [[200]] })]), /\(link 1's "status"\)/],
    [
      'a list inside a history entry',
      feedWith([link({ history: [{ at: [at], outcome: 'ok', reason: 'ok' }] })]),
      /\(link 1's "history" entry 1's "at"\)/,
    ],
    ['an array for the whole feed', '[[[[1]]]]', /it is not a JSON object/],
  ])('refuses %s', (_what, text, why) => {
    expect(refusal(text)).toMatch(why);
  });
});

describe('keys', () => {
  it('refuses a key given twice, and one the format does not know at each level', () => {
    expect(refusal(feedWith([link()], ',"publisher":"Evil Corp"'))).toMatch(/the key "publisher" twice at the top/);
    expect(refusal(feedWith([link().replace('{', '{"verdict":"dead",')]))).toMatch(/"verdict" twice in link 1/);
    expect(refusal(feedWith([link({ archive: { url: 'x', timestamp: 'y', note: 'z' } })]))).toMatch(
      /"note" in link 1's "archive"/,
    );
  });
});

describe('invisible, control and direction characters', () => {
  it.each([
    ['U+200B', '\u200b'],
    ['U+FEFF', '\ufeff'],
    ['U+061C', '\u061c'],
    ['U+2028', '\u2028'],
    ['U+202E', '\u202e'],
    ['U+2066', '\u2066'],
    ['U+00AD', '\u00ad'],
    ['U+00A0', '\u00a0'],
    ['U+3164', '\u3164'],
    ['U+E0041', '\u{e0041}'],
  ])('refuses %s in the publisher, the site or an address, as is or escaped', (code, char) => {
    const escaped = char
      .split('')
      .map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('');
    const places = [
      HEAD.replace('County BH', `County${char}BH`),
      HEAD.replace('County BH', `County${escaped}BH`),
      HEAD.replace('"site":"x"', `"site":"x${escaped}"`),
    ];
    for (const head of places) expect(refusal(`${head},"links":[]}`)).toContain(code);
    expect(refusal(feedWith([link({ url: `https://al-anon.org/${char}` })]))).toContain(code);
    expect(publisherProblem(`Clinic${char}`)).toMatch(/invisible/);
  });

  it('refuses a line break or tab inside a text, and allows them between values', () => {
    expect(refusal(HEAD.replace('County BH', 'County\\nBH') + ',"links":[]}')).toMatch(/U\+000A/);
    expect(refusal(HEAD.replace('County BH', 'County\\tBH') + ',"links":[]}')).toMatch(/U\+0009/);
    expect(refusal(feedWith([link()]).replace(/,/g, ',\r\n\t '))).toBe('accepted');
  });

  it('takes ordinary names in any script', () => {
    for (const name of [
      'Servicios de Salud Mental del Condado',
      'Fédération québécoise',
      'جمعية الصحة',
      '東京都福祉局',
    ])
      expect(refusal(HEAD.replace('County BH', name) + ',"links":[]}')).toBe('accepted');
  });
});

describe('counts and lengths', () => {
  it('refuses more links than a feed may hold, counting as it reads', () => {
    const text = `${HEAD},"links":[${Array.from({ length: 200_001 }, () => '{}').join(',')}]}`;
    expect(refusal(text)).toBe('it lists more than 200000 links');
  });

  it('refuses a longer history than the engine keeps', () => {
    const history = Array.from({ length: HISTORY_LIMIT + 1 }, () => ({ at, outcome: 'ok', reason: 'ok' }));
    expect(refusal(feedWith([link({ history })]))).toMatch(
      /longer history than still-there keeps \(link 1's "history"\)/,
    );
  });

  it('refuses a text or a number longer than any of the format, escaped or not', () => {
    expect(refusal(feedWith([link({ url: `https://al-anon.org/${'a'.repeat(MAX_TEXT_LENGTH)}` })]))).toMatch(
      /text longer than 8192/,
    );
    expect(refusal(feedWith([link({ url: `https://al-anon.org/${'\\u0061'.repeat(MAX_TEXT_LENGTH)}` })]))).toMatch(
      /text longer than 8192/,
    );
    expect(refusal(feedWith([link({ status: 1 })]).replace('"status":1', `"status":1${'0'.repeat(40)}`))).toMatch(
      /number longer/,
    );
  });

  it('refuses what is not JSON, wherever it breaks', () => {
    for (const text of [
      feedWith([link()]) + 'x',
      feedWith([link()]).slice(0, -3),
      '{"format":"still-there-verdict-feed",}',
      '',
    ])
      expect(refusal(text)).toBe('it is not JSON');
  });
});

describe('what the shape check gives back', () => {
  it('says where the signature lies, and reads a feed of ours whole', () => {
    const text = renderFeed(buildFeed({ publisher: 'County BH', site: 'x', generatedAt: at, checks: [] })).replace(
      '{',
      '{"signature":"abc",',
    );
    expect(checkFeedShape(text).signature).toEqual({ start: 14, end: 17 });
    expect(text.slice(14, 17)).toBe('abc');
    expect(() => checkFeedShape('{"links":[{}]}')).not.toThrow();
    expect(() => checkFeedShape('{"links":[{"x":1}]}')).toThrow(ShapeRefused);
  });
});
