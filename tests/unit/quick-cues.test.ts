/**
 * The content script's first tests read the cue pattern and the claimed domains from a generated copy
 * (src/directory/quick-cues.generated.ts) instead of working them out from the directory on every page. A stale
 * copy would pass over a new group's links: this fails until `npm run generate` has been run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quickCues, quickCuesModule } from '../../scripts/quick-cues.ts';
import { QUICK_CUES } from '../../src/directory/quick-cues.generated.ts';
import { mayBelongToGroup } from '../../src/directory/lookup.ts';
import { mightBeResource } from '../../src/directory/spotting.ts';
import { allGroups } from '../../src/directory/groups.ts';

describe('the generated quick cues', () => {
  it('are what the directory gives today (run `npm run generate` after changing groups.ts or spotting.ts)', () => {
    expect(QUICK_CUES).toEqual(quickCues());
    expect(readFileSync(new URL('../../src/directory/quick-cues.generated.ts', import.meta.url), 'utf8')).toBe(
      quickCuesModule(),
    );
  });

  it("are the ones the content script's first tests use: every group's website and name gets through them", () => {
    for (const group of allGroups()) {
      if (group.website) expect(mayBelongToGroup(new URL(group.website).hostname), group.id).toBe(true);
      for (const domain of group.formerDomains) expect(mayBelongToGroup(domain), `${group.id} ${domain}`).toBe(true);
      expect(mightBeResource({ host: 'www.county-guide.example', text: group.name }), group.name).toBe(true);
    }
  });
});
