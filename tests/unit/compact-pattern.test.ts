/**
 * The cheap spotting pattern is stored compacted (scripts/compact-pattern.ts). Compacting must never change
 * its answer: a text it stopped accepting would be a page whose resource links are passed over unmarked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alternatives, atoms, compactPattern } from '../../scripts/compact-pattern.ts';
import { cuePattern } from '../../src/directory/spotting.ts';
import { allGroups } from '../../src/directory/groups.ts';

describe('compacting a pattern', () => {
  it('shares a common beginning once', () => {
    expect(compactPattern('support\\s+group|self-help|sobriety')).toBe(
      's(?=[ueo])(?:upport\\s+group|elf-help|obriety)',
    );
  });

  it('drops an alternative that holds another: a longer ending, or a whole word', () => {
    expect(compactPattern('anon|anonymous')).toBe('anon');
    expect(compactPattern('Alcoholics\\s+Anonymous|anonymous')).toBe('anonymous');
    expect(compactPattern('grupos?\\s+de\\s+apoyo|grupo')).toBe('grupo');
  });

  it('keeps escapes, classes, groups and quantifiers whole, and lower-cases only literal letters', () => {
    expect(atoms('L[ií]neas?\\s+(de|Del)\\S')).toEqual(['l', '[ií]', 'n', 'e', 'a', 's?', '\\s+', '(de|del)', '\\S']);
    expect(compactPattern('NAMI|Nar-?anon')).toBe('na(?=[mr])(?:mi|r-?anon)');
  });

  it('guards each branching point with the characters its branches start with, unless a branch may start empty', () => {
    // Without the guard every branch is tried in turn: the more names the directory holds, the more tries per place
    // in a page's text (bench/spotting-scale.ts).
    expect(compactPattern('meeting\\s+finder|meeting\\s+list|mutual[-\\s]aid')).toBe(
      'm(?=[eu])(?:eeting\\s+(?=[fl])(?:finder|list)|utual[-\\s]aid)',
    );
    // A branch that may start empty ("-?anon") leaves its point unguarded.
    expect(compactPattern('al-?anon|al[aá]teen|a\\.\\s?a\\.')).toBe('a(?=[l\\.])(?:l(?:-?anon|[aá]teen)|\\.\\s?a\\.)');
    expect(compactPattern('ab(c|d)|ae')).toBe('a(?:b(c|d)|e)'.replace('a(?:', 'a(?=[be])(?:'));
    expect(compactPattern('a(b|c)d|a(b|c)e|af')).toBe('a(?:(b|c)(?=[de])(?:d|e)|f)');
    // A class's "-" stays a character beside the others: "[c\\-\\s]", not the range "[c-\\s]".
    expect(compactPattern('ac|a[-\\s]b')).toBe('a(?=[c\\-\\s])(?:c|[-\\s]b)');
    expect(new RegExp(compactPattern('ac|a[-\\s]b'), 'i').test('a-b')).toBe(true);
  });

  it('splits only at top-level bars', () => {
    expect(alternatives('a(b|c)|[|]d|e\\|f')).toEqual(['a(b|c)', '[|]d', 'e\\|f']);
  });

  it('refuses syntax it cannot rewrite safely', () => {
    for (const pattern of ['a{2}', 'a+?', '^a', 'a$', '(?=a)b', 'a.b', '\\bword', '\\u0041']) {
      expect(() => compactPattern(pattern), pattern).toThrow(/compactPattern/);
    }
  });
});

describe('the stored spotting pattern', () => {
  const source = cuePattern();
  const compacted = compactPattern(source);
  const before = new RegExp(source, 'i');
  const after = new RegExp(compacted, 'i');

  it('starts no two alternatives alike (what makes it quick)', () => {
    // The first atom of each (its guards, lookaheads the source never has, set aside).
    const firsts = alternatives(compacted).map((a) => atoms(a.replace(/\(\?=\[[^\]]*\]\)/g, ''))[0]);
    expect(new Set(firsts).size).toBe(firsts.length);
    expect(compacted.length).toBeLessThan(source.length);
  });

  /** A text each alternative of the source accepts, with random case and whitespace, built from its atoms. */
  function sample(alternative: string, random: () => number): string {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    return atoms(alternative)
      .map((atom) => {
        const quantifier = /[?*+]$/.test(atom) && !atom.endsWith('\\?') ? atom.at(-1)! : '';
        const body = quantifier ? atom.slice(0, -1) : atom;
        if ((quantifier === '?' || quantifier === '*') && random() < 0.5) return '';
        let text: string;
        if (body === '\\s') text = pick([' ', '\n', '\t', '\u00a0']);
        else if (body.startsWith('\\')) text = body.slice(1);
        else if (body.startsWith('[')) text = pick([...body.slice(1, -1).replace(/\\s/g, ' ').replace(/\\/g, '')]);
        else if (body.startsWith('(')) text = sample(pick(alternatives(body.replace(/^\(\?:|^\(|\)$/g, ''))), random);
        else text = random() < 0.5 ? body.toUpperCase() : body;
        return quantifier === '+' && random() < 0.3 ? text + text : text;
      })
      .join('');
  }

  function seeded(seed: number): () => number {
    let s = seed;
    return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  }

  it('says yes and no to the same texts: every alternative, cut short and padded, in any case and spacing', () => {
    const random = seeded(7);
    const texts: string[] = [];
    for (const alternative of alternatives(source)) {
      for (let n = 0; n < 12; n++) {
        const s = sample(alternative, random);
        texts.push(s, `Story about ${s} today`, s.slice(1), s.slice(0, -1), s.slice(0, Math.floor(s.length / 2)));
      }
    }
    let accepted = 0;
    for (const text of texts) {
      const answer = before.test(text);
      if (answer) accepted++;
      expect(after.test(text), JSON.stringify(text)).toBe(answer);
    }
    // The cut-short texts must include refusals, or the comparison proves nothing about them.
    expect(accepted).toBeGreaterThan(texts.length / 3);
    expect(accepted).toBeLessThan(texts.length);
  });

  it('says yes and no to the same texts: the labelled links of real pages and the directory', () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/spotting/links.json', import.meta.url), 'utf8')) as {
      pages: Array<{
        links: Array<{ text: string; context: string; title?: string; ariaLabel?: string; imgAlt?: string }>;
      }>;
    };
    const texts = fixture.pages.flatMap((p) =>
      p.links.flatMap((l) => [l.text, l.context, l.title ?? '', l.ariaLabel ?? '', l.imgAlt ?? '']),
    );
    for (const g of allGroups()) texts.push(g.name, ...g.formerNames, ...g.acronyms, g.name.replace(/ /g, '\n  '));
    let accepted = 0;
    for (const text of texts) {
      const answer = before.test(text);
      if (answer) accepted++;
      expect(after.test(text), JSON.stringify(text)).toBe(answer);
    }
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(texts.length);
  });
});
