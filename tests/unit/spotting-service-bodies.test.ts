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

describe("a service body's site, its address spelling its name", () => {
  it.each([
    ['Beaver Valley Area', 'http://www.beavervalleyna.org/', PAGE],
    ['Western Reserve Area', 'http://www.wrascna.org/', PAGE],
    ['Dayton Area', 'http://www.dascna.org/', PAGE],
    ['North West Ohio Area', 'http://www.nwoasc.org/', PAGE],
    ['Ohio Region', 'http://www.naohio.org/index.html', PAGE],
    ['Tri-State Region', 'http://tristate-na.org/', PAGE],
    ['Laurel Mountain Highland Area', 'http://www.lmhana.com', PAGE],
    ['Mountaineer Region', 'http://www.angelfire.com/wv2/mrscna/', PAGE],
    ['Minneapolis IntergroupMinneapolis area meetings', 'https://aaminneapolis.org/', PAGE],
    ['Area 35Northern Minnesota', 'https://www.area35.org/', PAGE],
    ['Grapevine', 'https://www.aagrapevine.org', PAGE],
    // On a service body's own site, its neighbours' sites may carry their names alone.
    ['East End Area', 'http://eastendarea.org/', 'wheelingna.org'],
    ['West Central RegionRegional service', 'https://westcentralregion.org/', 'area36.org'],
  ])('spots "%s" at %s', (text, href, pageHost) => {
    const facts = { href, text, pageHost };
    expect(mightBeResource(facts)).toBe(true);
    expect(spotResource(facts)).toMatchObject({ resource: true });
  });

  it.each([
    ['Pasadena Area', 'https://www.pasadena.org/', PAGE],
    ['Regina Region', 'https://www.regina.ca/', PAGE],
    ['Area 51', 'https://www.area51tours.com/', PAGE],
    ['Bay Area', 'https://www.bayarea.com/', PAGE],
    ['East End Area', 'http://eastendarea.org/', PAGE],
    ['Ohio Region', 'https://www.ohio.gov/', PAGE],
  ])('leaves "%s" at %s alone', (text, href, pageHost) => {
    expect(spotResource({ href, text, pageHost })).toMatchObject({ resource: false });
  });
});
