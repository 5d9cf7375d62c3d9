/** What the audit sends a site (src/cli/request-headers.ts) and what it skips (link-filter.ts). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkFilter } from '../../src/cli/link-filter.ts';
import { UsageError } from '../../src/cli/args.ts';
import { headersForHost, parseHeader, requestHeadersInterceptor } from '../../src/cli/request-headers.ts';

describe('--header', () => {
  it('is always for one host, named with it', () => {
    expect(parseHeader('Directory.Example.org=Authorization: Bearer abc')).toEqual({
      host: 'directory.example.org',
      name: 'Authorization',
      value: 'Bearer abc',
    });
    expect(() => parseHeader('Authorization: Bearer abc')).toThrow(/--header Authorization: say which host it is for/);
    expect(() => parseHeader('https://example.org=X: 1')).toThrow(/HOST="Name: value"/);
    expect(() => parseHeader('example.org:8080=X: 1')).toThrow(UsageError);
    expect(() => parseHeader('example.org=Bad Name: 1')).toThrow(/HOST="Name: value"|not a header name/);
    expect(() => parseHeader('example.org=Host: evil.org')).toThrow(/set by still-there itself/);
    expect(() => parseHeader('example.org=User-Agent: x')).toThrow(/use --user-agent/);
    expect(() => parseHeader('example.org=X-Key: a\u0000b')).toThrow(/control character/);
  });

  it('goes to exactly its host: not a subdomain, not the parent, not another', () => {
    const headers = [parseHeader('directory.example.org=X-Key: 1')];
    expect(headersForHost(headers, 'directory.example.org')).toEqual({ 'x-key': '1' });
    expect(headersForHost(headers, 'DIRECTORY.example.org.')).toEqual({ 'x-key': '1' });
    expect(headersForHost(headers, 'www.directory.example.org')).toEqual({});
    expect(headersForHost(headers, 'example.org')).toEqual({});
    expect(headersForHost(headers, 'directory.example.org.evil.net')).toEqual({});
  });

  it("the crawl's requests get their host's headers and the user agent; other hosts' requests neither header", () => {
    const seen: Array<Record<string, string>> = [];
    const dispatch = (opts: { headers?: unknown }) => {
      seen.push(opts.headers as Record<string, string>);
      return true;
    };
    const intercept = requestHeadersInterceptor([parseHeader('directory.example.org=X-Key: 1')], 'Audit/1');
    const wrapped = intercept(dispatch as never);
    wrapped(
      {
        origin: 'https://directory.example.org',
        path: '/',
        method: 'GET',
        headers: ['user-agent', 'node', 'accept', '*/*'],
      } as never,
      {} as never,
    );
    wrapped(
      { origin: 'https://www.nami.org', path: '/', method: 'GET', headers: { 'user-agent': 'node' } } as never,
      {} as never,
    );
    expect(seen[0]).toEqual({ 'user-agent': 'Audit/1', accept: '*/*', 'x-key': '1' });
    expect(seen[1]).toEqual({ 'user-agent': 'Audit/1' });
  });
});

describe('what to skip', () => {
  it('--include wins over --exclude and .stillthereignore', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'still-there-filter-'));
    writeFileSync(path.join(dir, '.stillthereignore'), '# ours\n\nfacebook\\.com\n');
    const filter = await linkFilter(
      { exclude: ['nami\\.org'], include: ['nami\\.org/Support'], 'exclude-path': ['/login'] },
      dir,
    );
    expect(filter.excluded('https://www.nami.org/')).toBe(true);
    expect(filter.excluded('https://www.nami.org/Support-Education/Support-Groups')).toBe(false);
    expect(filter.included('https://www.nami.org/Support-Education/Support-Groups')).toBe(true);
    expect(filter.excluded('https://www.facebook.com/groups/x')).toBe(true);
    expect(filter.excluded('https://www.aa.org/')).toBe(false);
    expect(filter.pageExcluded('https://directory.example.org/login?next=/')).toBe(true);
  });

  it('names the bad expression and where it came from', async () => {
    await expect(linkFilter({ exclude: ['(unclosed'] }, tmpdir())).rejects.toThrow(
      /--exclude: "\(unclosed" is not a regular expression/,
    );
  });
});
