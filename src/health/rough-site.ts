/**
 * A cheap "same site" test for the content script, which runs on every page: the full Public Suffix List (tldts,
 * used by the engine) would add about 300 kB to every page. Spotting and the reading of redirect wrappers only need
 * to know whether a link stays on the page's own site, so the registrable domain is approximated: the last two
 * labels, or three under the common two-level suffixes (co.uk, org.au …). A wrong answer costs at most one extra or
 * one missed check. (src/directory/rough-site.ts remembers the answers per host for the per-link tests.)
 */
const TWO_LEVEL =
  /^(co|com|org|net|gov|edu|ac|nhs|gob|gc|or|ne|go|mil|nic|ltd|plc|sch|govt|health|nsw|qld|vic)\.[a-z]{2}$/;

export function roughSite(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LEVEL.test(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}
