/**
 * Parked and for-sale domains: a lapsed organisation domain often still answers 200 with a parking page.
 * Strong signals (a parking service in the redirects or the scripts) decide alone; wording needs two
 * phrases on a short page, so an article that mentions domain sales stays alive.
 */
import { hostWithin } from './host.ts';
import type { PageText } from './page-text.ts';

/** Domain parking and domain-sale services, as seen in parked pages' redirects and scripts. */
export const PARKING_HOSTS = [
  'sedoparking.com',
  'sedo.com',
  'parkingcrew.net',
  'bodis.com',
  'above.com',
  'parklogic.com',
  'afternic.com',
  'dan.com',
  'hugedomains.com',
  'buydomains.com',
  'undeveloped.com',
  'domainmarket.com',
  'brandbucket.com',
  'squadhelp.com',
  'atom.com',
  'domainnamesales.com',
  'efty.com',
  'perfectdomain.com',
  'uniregistry.com',
  'dsparking.com',
  'domainsponsor.com',
  'trafficz.com',
  'skenzo.com',
  'smartname.com',
  'parked.com',
  'parkingpage.namecheap.com',
  'forsale.godaddy.com',
  'domainlore.uk',
  'sav.com',
  'porkbun.com',
];

/** Scripts only parking pages load: AdSense for Domains, GoDaddy's and others' parking landers. */
const PARKING_SCRIPTS = [
  /\/adsense\/domains\/caf\.js/i,
  /parking-lander/i,
  /\/js\/parking\b/i,
  /sedoparking|parkingcrew|bodis\.com/i,
];

const PARKING_WORDING = [
  /\b(this|the) domain( name)?( [a-z0-9.-]+)? (is|may be|might be) for sale\b/i,
  /\bbuy this domain\b/i,
  /\bdomain (is )?(parked|for sale)\b/i,
  /\bparked (free|for free)?,? ?(courtesy of|by)\b/i,
  /\bthis domain (has )?expired\b/i,
  /\b(is|are) available for purchase\b/i,
  /\bmake an offer\b/i,
  /\b(related searches|sponsored listings|related links)\b/i,
  /\binquire about this domain\b/i,
  /\beste dominio (est[aá] en venta|puede estar en venta|ha expirado)\b/i,
  /\b(compra|comprar) este dominio\b/i,
  /\bdominio en venta\b/i,
];

export function isParkingHost(host: string): boolean {
  return PARKING_HOSTS.some((p) => hostWithin(host, p));
}

export interface ParkedEvidence {
  parked: boolean;
  detail: string;
}

export function parkedEvidence(page: PageText, hopHosts: string[]): ParkedEvidence {
  const viaHost = hopHosts.find(isParkingHost);
  if (viaHost) return { parked: true, detail: `redirects to the domain-parking service ${viaHost}` };
  const script = page.scriptSources.find((src) => PARKING_SCRIPTS.some((re) => re.test(src)));
  if (script) return { parked: true, detail: 'loads a domain-parking script' };
  if (
    PARKING_SCRIPTS.some((re) => re.test(page.inlineScript)) ||
    /window\.location(\.href)?\s*=\s*["'][^"']*(sedoparking|parkingcrew|bodis|afternic|hugedomains)/i.test(
      page.inlineScript,
    )
  ) {
    return { parked: true, detail: 'sends visitors to a domain-parking service' };
  }
  const haystack = `${page.title} \n ${page.text.slice(0, 20_000)}`;
  const phrases = PARKING_WORDING.filter((re) => re.test(haystack));
  const titleSays = PARKING_WORDING.some((re) => re.test(page.title));
  // Parking pages are short; an organisation's page that warns about domain sales is not.
  const short = page.words.length < 400;
  if (short && (phrases.length >= 2 || (titleSays && phrases.length >= 1))) {
    return { parked: true, detail: 'the page offers the domain for sale' };
  }
  return { parked: false, detail: '' };
}
