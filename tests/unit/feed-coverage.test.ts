/** A feed's coverage answers "may this feed hold that link?" without a database read, and never says no wrongly. */
import { describe, expect, it } from 'vitest';
import { coverageOf, linkHash, mayCover } from '../../src/feed/coverage.ts';

describe('feed coverage', () => {
  const urls = Array.from({ length: 20_000 }, (_, i) => `https://www.group-${i % 700}.example/meetings/${i}`);
  const coverage = coverageOf(urls);

  it('finds every link the feed holds', () => {
    expect(urls.every((u) => mayCover(coverage, u))).toBe(true);
  });

  it('turns away almost every other link', () => {
    const others = Array.from({ length: 20_000 }, (_, i) => `https://www.elsewhere-${i}.example/`);
    expect(others.filter((u) => mayCover(coverage, u)).length).toBeLessThan(5);
  });

  it('is four bytes a link, sorted, and the same hash for the same address', () => {
    expect(coverage.byteLength).toBe(urls.length * 4);
    expect([...coverage].every((v, i, a) => i === 0 || a[i - 1]! <= v)).toBe(true);
    expect(linkHash('https://al-anon.org/')).toBe(linkHash('https://al-anon.org/'));
    expect(linkHash('https://al-anon.org/')).not.toBe(linkHash('https://al-anon.org'));
    expect(mayCover(new Uint32Array(), 'https://al-anon.org/')).toBe(false);
  });
});
