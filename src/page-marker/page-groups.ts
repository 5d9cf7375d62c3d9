/**
 * Which directory groups this page links to, with each link's mark: the popup's "Groups on this page". Read from
 * the marks already drawn, so it costs the page nothing and says exactly what the reader sees.
 */
import { groupForUrl } from '../directory/lookup.ts';
import { normaliseUrl } from '../health/address.ts';
import { destinationOf } from '../health/carried-address.ts';
import { isVerdict } from '../health/verdict.ts';
import type { PageGroupLink } from '../messages.ts';
import { ATTR, REASON_ATTR } from './marks.ts';

/** A page of thousands of links to one group is still one entry in a 560-pixel popup; the message stays small. */
const MAX_LINKS = 200;

export function pageGroups(doc: Document): PageGroupLink[] {
  const found: PageGroupLink[] = [];
  const seen = new Set<string>();
  for (const a of doc.querySelectorAll<HTMLAnchorElement>(`a[${ATTR}]`)) {
    let url: string;
    try {
      url = normaliseUrl(destinationOf(a.href, doc.location?.hostname));
    } catch {
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    const group = groupForUrl(url);
    if (!group) continue;
    const mark = a.getAttribute(ATTR);
    const verdict = isVerdict(mark) ? mark : 'checking';
    found.push({
      groupId: group.id,
      url,
      verdict,
      reason: verdict === 'checking' ? null : a.getAttribute(REASON_ATTR),
    });
    if (found.length >= MAX_LINKS) break;
  }
  return found;
}
