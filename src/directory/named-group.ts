/**
 * The group a dead link's own words name, for "Recovery, Inc. is now Recovery International:
 * recoveryinternational.org": when a link whose address the directory cannot place (a lapsed domain no source ties
 * to the group) says in its words — its text, title or label — exactly one group's current or former name or
 * acronym, that group's current site is where the reader can go now.
 *
 * Only where the words leave no doubt: a name is a whole word or words ("GROW", never "GROWing"), an acronym in
 * capitals as the group writes it, and words naming two groups, or a headline rather than a name (more than twelve
 * words: a news article about a group), name none.
 */
import type { Group } from './group.ts';
import { allGroups } from './groups.ts';
import { roughlySameSite } from './rough-site.ts';
import { isArticleHost } from './spotting.ts';
import { groupResourceNamed } from './programmes.ts';

export interface NamedGroup {
  group: Group;
  /** The name or acronym as the words wrote it ("Recovery, Inc."). */
  named: string;
}

/** A headline or a sentence, not the name of a group (spotting's rule too). */
const MAX_NAME_WORDS = 12;

let names: Array<{ group: Group; pattern: RegExp; name: string }> | null = null;

function patterns(): Array<{ group: Group; pattern: RegExp; name: string }> {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out: Array<{ group: Group; pattern: RegExp; name: string }> = [];
  for (const group of allGroups()) {
    for (const full of [group.name, ...group.formerNames]) {
      // "Alcoholics Anonymous, General Service Office" is named "Alcoholics Anonymous" too.
      const short = full.split(/,\s(?!Inc)| \(/)[0]!.trim();
      // "Al-Anon Family Groups" is "Al-Anon" to everyone: a hyphenated first word is the name people write.
      const hyphenated = /^\p{Lu}[\p{L}]*-\p{L}+$/u.exec(short.split(/\s+/)[0] ?? '')?.[0];
      for (const name of new Set([full, short, ...(hyphenated ? [hyphenated] : [])])) {
        // A name of one word ("Alateen", "Nar-Anon", "GROW") is matched as the group writes it: "grow" in a
        // sentence is an everyday word. Longer names in any case.
        const oneWord = !/\s/.test(name);
        out.push({
          group,
          name,
          pattern: new RegExp(
            // "&" as names are written, or "and" as people write them ("988 Suicide and Crisis Lifeline").
            `(?<![\\p{L}\\p{N}])${escape(name).replace(/\s+/g, '\\s+').replace(/&/g, '(?:&|and)')}(?![\\p{L}\\p{N}])`,
            oneWord ? 'u' : 'iu',
          ),
        });
      }
    }
    for (const acronym of group.acronyms) {
      if (acronym.length < 2) continue;
      out.push({
        group,
        name: acronym,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}.])${escape(acronym)}(?![\\p{L}\\p{N}])`, 'u'),
      });
    }
  }
  return out;
}

/** The one group these words name, or null when they name none, or more than one. */
export function groupNamedIn(words: string): NamedGroup | null {
  const text = words.replace(/\s+/g, ' ').trim();
  if (!text || text.split(' ').length > MAX_NAME_WORDS) return null;
  names ??= patterns();
  let found: NamedGroup | null = null;
  for (const { group, pattern, name } of names) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (found && found.group.id !== group.id) return null; // two groups: the words do not say which
    if (!found || name.length > found.named.length) found = { group, named: m[0] };
  }
  // A group's publication, programme or branch ("The Recovery Reporter", "GROW in Illinois") names the group.
  const resource = groupResourceNamed(text);
  if (resource) {
    if (found && found.group.id !== resource.group.id) return null;
    found ??= { group: resource.group, named: resource.named };
  }
  return found && found.group.website ? found : null;
}

/** The one group several texts of one link name (its text, title, label; its words on several pages), if they agree. */
export function namedByAll(texts: readonly string[]): NamedGroup | null {
  let found: NamedGroup | null = null;
  for (const text of texts) {
    const named = groupNamedIn(text);
    if (!named) continue;
    if (found && found.group.id !== named.group.id) return null;
    found ??= named;
  }
  return found;
}

/**
 * The new home a dead link's words give it, or null: not for a link to a news or research site (a headline naming
 * a group is not a link to the group), nor for one already on the group's own site (its home page is no news).
 */
export function namedNewHome(url: string, texts: readonly string[]): NamedGroup | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (isArticleHost(host)) return null;
  const found = namedByAll(texts);
  if (!found?.group.website || roughlySameSite(host, new URL(found.group.website).hostname)) return null;
  return found;
}

/**
 * Every group a longer text names (a handout's line or table row), each once, in the order first named: unlike
 * groupNamedIn there is no limit on the words, since a row holds a name, a description and a number. The caller
 * decides what to make of two.
 */
export function groupsNamedIn(text: string): NamedGroup[] {
  const flat = text.replace(/\s+/g, ' ');
  names ??= patterns();
  const found = new Map<string, NamedGroup & { at: number; end: number }>();
  for (const { group, pattern } of names) {
    const m = pattern.exec(flat);
    if (!m) continue;
    const before = found.get(group.id);
    if (!before || m[0].length > before.named.length)
      found.set(group.id, { group, named: m[0], at: m.index, end: m.index + m[0].length });
  }
  const all = [...found.values()];
  // A name inside another group's longer name ("Lifeline" in "Trans Lifeline") is that group's, not a second one.
  return all
    .filter((g) => !all.some((o) => o !== g && o.at <= g.at && o.end >= g.end && o.end - o.at > g.end - g.at))
    .sort((a, b) => a.at - b.at)
    .map(({ group, named }) => ({ group, named }));
}
