import { roughSite } from '../health/rough-site.ts';
import { rememberedPerKey } from '../remembered.ts';

/** Whether two hosts are roughly one site (src/health/rough-site.ts), worked out once per host. */
export function roughlySameSite(a: string, b: string): boolean {
  return roughSiteOf(a) === roughSiteOf(b);
}

/** Spotting asks for each link, and a page links to few sites many times over. */
const roughSiteOf = rememberedPerKey(roughSite);
