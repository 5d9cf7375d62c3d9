/**
 * Whether the settings as stored certainly mean the usual marking, resource links only and on every site, told from
 * the user's and the policy's values as they are kept, without reading the rest of them: on a page with no mutual-aid
 * link the content script then needs nothing more of the settings (start.ts). Never true where effectiveSettings
 * says otherwise (tests/unit/usual-settings.test.ts): a mode of 'all' or 'off', or a list of sites turned off, in
 * either of them, and the answer is no.
 */
export function marksResourcesEverywhere(stored: unknown, managed: unknown): boolean {
  return usual(stored) && usual(managed);
}

function usual(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return true;
  const { mode, offSites } = raw as { mode?: unknown; offSites?: unknown };
  return mode !== 'all' && mode !== 'off' && !(Array.isArray(offSites) && offSites.length > 0);
}
