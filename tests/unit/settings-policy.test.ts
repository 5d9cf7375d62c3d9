/**
 * What an organisation's policy may set, and how it meets the user's own settings: it overrides them, only for the
 * settings it may set, and a value of the wrong kind is ignored rather than trusted.
 */
import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../src/policy.ts';
import { DEFAULT_SETTINGS, effectiveSettings, MANAGEABLE, readManaged } from '../../src/settings.ts';

describe("an organisation's policy", () => {
  it("overrides the user's own settings where it sets them, and nowhere else", () => {
    const user = {
      mode: 'all',
      offSites: ['intranet.example.org'],
      archiveSuggestions: true,
      recheckHours: 24,
      feeds: ['https://mine.example/f.json'],
    };
    const policy = {
      mode: 'resources',
      offSites: ['ehr.clinic.example'],
      feeds: ['https://feeds.clinic.example/verdicts.json'],
      allowPrivate: false,
    };
    expect(effectiveSettings(user, policy)).toEqual({
      ...DEFAULT_SETTINGS,
      mode: 'resources',
      offSites: ['ehr.clinic.example'],
      feeds: ['https://feeds.clinic.example/verdicts.json'],
      archiveSuggestions: true,
      recheckHours: 24,
      allowPrivate: false,
    });
  });

  it("sets only what it may, reads each value as the user's are read, and ignores values of the wrong kind", () => {
    expect(
      readManaged({
        recheckHours: 1,
        showUnverified: true,
        mode: 'loud',
        archiveSuggestions: 'yes',
        feeds: ['http://insecure.example/f.json', 'https://ok.example/f.json'],
        offSites: ['EHR.Clinic.Example'],
      }),
    ).toEqual({
      feeds: ['https://ok.example/f.json'],
      feedKeys: {},
      offSites: ['ehr.clinic.example'],
    });
    expect(readManaged(null)).toEqual({});
    expect(readManaged(['mode'])).toEqual({});
    expect([...MANAGEABLE].sort()).toEqual(['allowPrivate', 'archiveSuggestions', 'feeds', 'mode', 'offSites']);
  });

  it('is nothing when the browser has none or refuses the read (Firefox without a policy)', async () => {
    expect(await readPolicy({})).toEqual({});
    expect(
      await readPolicy({ managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) } }),
    ).toEqual({});
    expect(await readPolicy({ managed: { get: async () => ({ mode: 'off' }) } })).toEqual({ mode: 'off' });
  });

  it('matches the schema Chrome validates it against, key for key', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
      properties: Record<string, { type: string; enum?: string[] }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGEABLE].sort());
    expect(schema.properties.mode!.enum).toEqual(['resources', 'all', 'off']);
  });
});

describe('a feed with its key pinned beside its address', () => {
  const KEY = `ecdsa-p256:B${'A'.repeat(86)}`;
  const FEED = 'https://feeds.clinic.example/verdicts.json';
  it('is read from a line "ADDRESS KEY", typed or set by policy, and from the map the options page stores', () => {
    expect(effectiveSettings({ feeds: [`${FEED} ${KEY}`, 'https://other.example/f.json'] }, {})).toMatchObject({
      feeds: [FEED, 'https://other.example/f.json'],
      feedKeys: { [FEED]: KEY },
    });
    expect(effectiveSettings({ feeds: [FEED], feedKeys: { [FEED]: KEY } }, {}).feedKeys).toEqual({ [FEED]: KEY });
    expect(readManaged({ feeds: [`  ${FEED}   ${KEY} `] })).toEqual({ feeds: [FEED], feedKeys: { [FEED]: KEY } });
  });

  it('leaves out a line whose key is not one, and a key the policy did not pin', () => {
    expect(effectiveSettings({ feeds: [`${FEED} ecdsa-p256:short`, `${FEED} ${KEY} more`] }, {}).feeds).toEqual([]);
    expect(effectiveSettings({ feeds: [FEED], feedKeys: { [FEED]: 'not a key' } }, {}).feedKeys).toEqual({});
    // The policy's feeds come with the policy's keys: none here, whatever the user pinned.
    expect(effectiveSettings({ feeds: [`${FEED} ${KEY}`] }, { feeds: [FEED] }).feedKeys).toEqual({});
  });
});
