/**
 * The content script's quick look at the stored settings (src/page-marker/usual-settings.ts): it may say "usual"
 * only where the settings in force are resource links only, on every site, or a page would go unmarked (or marked)
 * against the user's or the policy's choice.
 */
import { describe, expect, it } from 'vitest';
import { effectiveSettings } from '../../src/settings.ts';
import { marksResourcesEverywhere } from '../../src/page-marker/usual-settings.ts';

/** Stored values as the options page, a hand edit, an older version or a policy may leave them. */
const SHAPES: unknown[] = [
  undefined,
  null,
  'resources',
  [],
  {},
  { mode: 'resources' },
  { mode: 'all' },
  { mode: 'off' },
  { mode: 'ALL' },
  { mode: 7 },
  { offSites: [] },
  { offSites: ['ehr.clinic.example'] },
  { offSites: [42] },
  { offSites: 'ehr.clinic.example' },
  { mode: 'resources', offSites: ['intranet.example.org'] },
  { mode: 'all', offSites: [] },
  { archiveSuggestions: false, showUnverified: true, recheckHours: 24, feeds: ['https://feeds.example/v.json'] },
];

describe('the usual settings, told from the values as stored', () => {
  it('are never claimed where the settings in force check every link, no link, or leave a site alone', () => {
    for (const stored of SHAPES) {
      for (const managed of SHAPES) {
        if (!marksResourcesEverywhere(stored, managed)) continue;
        const inForce = effectiveSettings(stored, managed);
        expect([inForce.mode, inForce.offSites], JSON.stringify({ stored, managed })).toEqual(['resources', []]);
      }
    }
  });

  it('are recognised for a new install and for settings that change nothing about which links are checked', () => {
    expect(marksResourcesEverywhere(undefined, undefined)).toBe(true);
    expect(marksResourcesEverywhere({ mode: 'resources', offSites: [] }, {})).toBe(true);
    expect(marksResourcesEverywhere({ archiveSuggestions: false, recheckHours: 24 }, { allowPrivate: false })).toBe(
      true,
    );
  });

  it("are not claimed when the user's settings or the policy choose every link, none, or a site to leave alone", () => {
    expect(marksResourcesEverywhere({ mode: 'all' }, undefined)).toBe(false);
    expect(marksResourcesEverywhere(undefined, { mode: 'all' })).toBe(false);
    expect(marksResourcesEverywhere({ mode: 'off' }, undefined)).toBe(false);
    expect(marksResourcesEverywhere(undefined, { mode: 'off' })).toBe(false);
    expect(marksResourcesEverywhere({ offSites: ['ehr.clinic.example'] }, undefined)).toBe(false);
    expect(marksResourcesEverywhere(undefined, { offSites: ['ehr.clinic.example'] })).toBe(false);
  });
});
