/**
 * An address written without its scheme counts as a redirect wrapper's destination only when its host ends in a
 * public suffix (src/health/carried-address.ts), read from a list generated from tldts's Public Suffix List
 * (src/health/top-level-domains.generated.ts). A stale or shrunken list would read "report.pdf" as a host or miss
 * a real one: this fails until `npm run generate` has been run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'tldts';
import { topLevelDomains, topLevelDomainsModule } from '../../scripts/top-level-domains.ts';
import { TOP_LEVEL_DOMAINS } from '../../src/health/top-level-domains.generated.ts';

describe('the generated top-level domains', () => {
  it('are what tldts gives today (run `npm run generate` after updating tldts)', async () => {
    const names = await topLevelDomains();
    expect(TOP_LEVEL_DOMAINS).toBe(names.join(' '));
    expect(readFileSync(new URL('../../src/health/top-level-domains.generated.ts', import.meta.url), 'utf8')).toBe(
      topLevelDomainsModule(names),
    );
  });

  it('hold the ICANN names, as the URL parser writes them, and no file extension or reserved name', () => {
    const names = new Set(TOP_LEVEL_DOMAINS.split(' '));
    expect(names.size).toBeGreaterThan(1_000);
    for (const name of ['org', 'com', 'net', 'gov', 'edu', 'us', 'uk', 'help', 'xn--p1ai'])
      expect(names, name).toContain(name);
    for (const name of ['html', 'php', 'pdf', 'jpg', 'example', 'local', 'internal', 'localhost', 'invalid']) {
      expect(names, name).not.toContain(name);
    }
    for (const name of names) expect(parse(`example.${name}`).isIcann, name).toBe(true);
  });
});
