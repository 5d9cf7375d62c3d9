/**
 * A group's publications, programmes and branches (src/directory/programmes.ts) are its resources: the names come
 * from sourced records or from a country-named record's own name, and everyday look-alikes stay ordinary.
 */
import { describe, expect, it } from 'vitest';
import { allGroups } from '../../src/directory/groups.ts';
import { namedNewHome } from '../../src/directory/named-group.ts';
import { GROUP_RESOURCE_NAMES, groupResourceNamed } from '../../src/directory/programmes.ts';
import { mayNameResource, mightBeResource, spotResource } from '../../src/directory/spotting.ts';

const spot = (text: string) =>
  spotResource({ href: 'https://www.unrelated-host.example/page', text, pageHost: 'www.guide.example' });

describe('the names, as directory facts', () => {
  it('belong to groups of the directory, each citing a page by address and date', () => {
    const ids = new Set(allGroups().map((g) => g.id));
    for (const [id, names] of Object.entries(GROUP_RESOURCE_NAMES)) {
      expect(ids, id).toContain(id);
      for (const n of names) {
        expect(n.sources.length, n.name).toBeGreaterThan(0);
        for (const s of n.sources) {
          expect(s.url, n.name).toMatch(/^https:\/\/[^/]+\//);
          expect(s.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date), n.name).toBe(true);
        }
      }
    }
  });
});

describe("a group's publications, programmes and branches are its resources", () => {
  it.each([
    ['GROW in Illinois', 'grow-in-america'],
    ['GROW in New Jersey', 'grow-in-america'],
    ['Contact GROW in Illinois', 'grow-in-america'],
    ['GROW of Central Illinois', 'grow-in-america'],
    ['The Recovery Reporter', 'recovery-international'],
    ["Recovery, Inc.'s Recovery Reporter", 'recovery-international'],
    ['Brain Injury Association of Michigan', 'brain-injury-association-of-america'],
    ['Request a Temporary Contact Program volunteer', 'alcoholics-anonymous'],
  ])('"%s" is a resource of %s', (words, id) => {
    const found = spot(words);
    expect(found.resource).toBe(true);
    expect(found.group?.id).toBe(id);
    expect(found.because).toMatch(/publication|programme|branch/);
    // The cheap tests let it through: on a page, in the words of a link.
    expect(mayNameResource(words)).toBe(true);
    expect(mightBeResource({ host: 'www.unrelated-host.example', text: words })).toBe(true);
  });

  it.each([
    'Illinois Grown',
    'How vegetables grow in Illinois',
    'Grow in Illinois this spring',
    'GROWTH in Illinois',
    'Economic Recovery Reporter',
    'the recovery reporter of the county',
    'Disaster recovery report',
    'Brain injury association study',
    'temporary contact information for the program',
  ])('"%s" stays ordinary', (words) => {
    expect(spot(words).resource).toBe(false);
    expect(groupResourceNamed(words)).toBeNull();
  });

  it("gives a dead link worded as a group's publication the group's current site", () => {
    const home = namedNewHome('http://www.recovery-reporter.example/', ['The Recovery Reporter']);
    expect(home?.group.id).toBe('recovery-international');
    expect(namedNewHome('http://www.grow-il.example/', ['GROW in Illinois'])?.group.id).toBe('grow-in-america');
  });
});
