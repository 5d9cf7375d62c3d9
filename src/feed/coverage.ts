/**
 * Which links a feed may hold, in a few bytes a link: the sorted 32-bit FNV-1a hashes of its addresses. A page's
 * lookup asks the database only for links whose hash is there, so links no feed covers (most of them, on most pages)
 * cost a binary search instead of a database read. Two addresses sharing a hash only cost one read that finds nothing.
 */

/** FNV-1a over the string's UTF-16 code units. */
export function linkHash(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function coverageOf(urls: Iterable<string>): Uint32Array {
  const hashes = Uint32Array.from(urls, linkHash);
  return hashes.sort();
}

export function mayCover(coverage: Uint32Array, url: string): boolean {
  const h = linkHash(url);
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = coverage[mid]!;
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
