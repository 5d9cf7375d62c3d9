/**
 * The page's side of "Recovery, Inc. is now Recovery International": a dead link's own words — its text, title and
 * label — naming exactly one group (src/directory/named-group.ts).
 */
import { namedNewHome } from '../directory/named-group.ts';
import { titleAsWritten } from './marks.ts';

export function namedGroupHome(a: HTMLAnchorElement): { named: string; group: string; website: string } | null {
  const found = namedNewHome(a.href, [a.textContent ?? '', titleAsWritten(a), a.getAttribute('aria-label') ?? '']);
  return found ? { named: found.named, group: found.group.name, website: found.group.website! } : null;
}
