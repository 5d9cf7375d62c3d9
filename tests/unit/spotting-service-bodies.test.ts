/**
 * A fellowship's service bodies, meetings and magazine named by its short letters, however spelt (spotting.ts's
 * SERVICE_BODY): spotted as resources; the same letters in everyday use are not. Every "yes" also passes the cheap
 * first test the content script runs (mightBeResource), which must never be narrower than the judgement.
 */
import { describe, expect, it } from 'vitest';
import { mightBeResource, spotResource } from '../../src/directory/spotting.ts';

const PAGE = 'www.county.gov';
const link = (text: string, href = 'https://www.example-intergroup.org/') => ({ href, text, pageHost: PAGE });

describe("a fellowship's service bodies by its letters", () => {
  it.each([
    'AA Meetings',
    'A.A. World Services',
    'A. A. General Service Office',
    'NA Area 12',
    'N.A. meetings',
    "AA's Central Office",
    'Intergroup Association of A.A. of New York',
    'Central Office of Salt Lake A.A.',
    'District 12 of NA',
    'Area 44 of Alcoholics Anonymous',
    'Oficina Central de A.A. Hispana',
    'Intergrupo del Distrito Federal de Alcohólicos Anónimos',
    'AA Grapevine',
    'The NA Way Magazine',
    'Al-Anon District 5',
  ])('spots "%s"', (text) => {
    expect(mightBeResource(link(text))).toBe(true);
    expect(spotResource(link(text))).toMatchObject({ resource: true });
  });

  it.each([
    'AA batteries',
    'AAA roadside assistance',
    'Area 51 tours',
    'District 12 council meeting',
    'CA District 5 Congress',
    'Grapevine, Texas visitor center',
    'Central Office of the Board of Education',
    'NA/NR (not applicable)',
    'NASA Meetings',
  ])('leaves "%s" alone', (text) => {
    expect(spotResource(link(text, 'https://www.example.com/page'))).toMatchObject({ resource: false });
  });
});
