/**
 * readHrefOnce reads only an href's prefix, once per prefix (src/first-look/link-address.ts): it must say exactly what
 * reading the whole href says, or a link to a group would be read as some other site's. The browser's own answers
 * for these shapes are checked in tests/e2e/link-address.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { hrefPrefix, readHref, readHrefOnce } from '../../src/first-look/link-address.ts';

const SHAPES = [
  'https://aa.org',
  'https://aa.org/',
  'https://aa.org/meetings/find',
  'https://aa.org?next=/x',
  'https://aa.org#/x',
  'https://aa.org:8080/x',
  'https://aa.org:/x',
  'HTTPS://WWW.AA.ORG/X',
  'http://a/b',
  'http://a?x/y',
  'http:///aa.org/x',
  '//aa.org/x',
  '//a.b/x',
  '//aa.org',
  '/path/to/page',
  '/a',
  'page.html',
  'dir/page.html',
  '?q=1/2',
  '#top/x',
  '',
  '  https://aa.org/',
  'https://user:pw@aa.org/',
  'https://news.example.com@aa.org/',
  'https://news.example.com.aa.org/x',
  'https://xn--bcher-kva.example/x',
  'https://%61a.org/',
  'https:aa.org/x',
  'https:\\\\aa.org\\x',
  'javascript:void(0)/x',
  'mailto:help@aa.org',
  'tel:+18008263632',
  'https://0x7f.1/',
  'https://aa.org./x',
  'https://a.b.c.d.e.f.example/very/long/path',
  'ht\ttps://aa.org/x',
  '/\t/aa.org/x',
  '\u0001https://aa.org/x',
  'https://aa.org/x\ty',
];

describe('reading an href by its prefix', () => {
  it.each(SHAPES)('%j reads as the whole href does, first time and from memory', (raw) => {
    expect(raw.startsWith(hrefPrefix(raw))).toBe(true);
    expect(readHrefOnce(raw)).toEqual(readHref(raw));
    expect(readHrefOnce(raw)).toEqual(readHref(raw));
  });

  it('remembers per prefix: two links to one site share one reading', () => {
    expect(readHrefOnce('https://www.nami.org/support/groups')).toBe(readHrefOnce('https://www.nami.org/about'));
  });
});
