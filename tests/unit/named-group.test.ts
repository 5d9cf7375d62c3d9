/**
 * "Recovery, Inc. is now Recovery International": a dead link's own words name a group of the directory
 * (src/directory/named-group.ts), and the audit's rows (src/report/model.ts) and the page's marks offer that
 * group's current site — only when the words leave no doubt.
 */
import { describe, expect, it } from 'vitest';
import { groupNamedIn, namedByAll } from '../../src/directory/named-group.ts';
import { auditRow, replacements } from '../../src/report/model.ts';
import type { VerdictSummary } from '../../src/health/link-health.ts';

const id = (words: string) => groupNamedIn(words)?.group.id ?? null;

describe("the group a link's words name", () => {
  it.each([
    ['Recovery, Inc.', 'recovery-international'],
    ['Recovery, Inc. self-help meetings', 'recovery-international'],
    ['NDMDA chapters', 'dbsa'],
    ['Obsessive Compulsive Foundation: hoarding', 'iocdf'],
    ['Find an AA meeting', 'alcoholics-anonymous'],
    ['Al-Anon family groups', 'al-anon'],
  ])('%s names %s', (words, group) => expect(id(words)).toBe(group));

  it.each([
    ['two groups', 'NAMI and Al-Anon meetings'],
    ['a name inside a longer word', 'GROWing together'],
    ['an everyday word that is also a name', 'Grow your own vegetables'],
    ['an acronym in lower case', 'aa batteries'],
    [
      'a headline about a group',
      'County news: NAMI walkers raise money for mental health programs in the county again this year',
    ],
    ['no name at all', 'Self-help group directory'],
  ])('%s names none', (_case, words) => expect(id(words)).toBeNull());

  it("takes a link's several texts together, and none when they disagree", () => {
    expect(namedByAll(['Recovery, Inc.', '', 'Recovery International meetings'])?.group.id).toBe(
      'recovery-international',
    );
    expect(namedByAll(['NDMDA', 'NAMI'])).toBeNull();
  });
});

describe("in the audit's worklist", () => {
  const dead = (url: string): VerdictSummary => ({
    url,
    verdict: 'dead',
    reason: 'no-such-domain',
    detail: '',
    status: null,
    finalUrl: null,
    newHome: null,
    archive: null,
    checkedAt: '2026-12-03T00:00:00.000Z',
  });

  it("a dead lapsed domain whose words name one group gets that group's site, worded as such", () => {
    const row = auditRow(dead('http://www.recovery-inc.org/'), [
      { page: 'https://county.example.org/', text: 'Recovery, Inc.', position: 1 },
    ]);
    expect(row.newHome).toBe('https://recoveryinternational.org/');
    expect(replacements(row)[0]).toEqual({
      kind: 'new-home',
      url: 'https://recoveryinternational.org/',
      label: 'Recovery, Inc. is now Recovery International',
    });
  });

  it('a news article about a group does not', () => {
    const row = auditRow(dead('https://www.nytimes.com/2003/01/05/health/ndmda-renames-itself.html'), [
      { page: 'https://county.example.org/', text: 'NDMDA renames itself', position: 1 },
    ]);
    expect(row.newHome).toBeNull();
  });
});
