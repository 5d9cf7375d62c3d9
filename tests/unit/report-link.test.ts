/**
 * "Tell us a number is wrong" (src/popup/report-link.ts, src/settings.ts reportTo): the report opens, prefilled, where
 * the editor chose — the reader's mail program, an email address, or an issue tracker's new-issue page — and only
 * an email address or an https page can be chosen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allGroups } from '../../src/directory/groups.ts';
import { reportHrefFor } from '../../src/popup/popup-view.ts';
import { reportHref } from '../../src/popup/report-link.ts';
import { DEFAULT_SETTINGS, readSettings, reportTarget } from '../../src/settings.ts';
import { resetMessages, useMessages } from './i18n-helper.ts';

const REPORT = { subject: 'a number & more', body: 'line one\nline two' };

describe('where the report opens', () => {
  it("opens the reader's own mail program when no place is chosen", () => {
    expect(reportHref('', REPORT)).toBe('mailto:?subject=a%20number%20%26%20more&body=line%20one%0Aline%20two');
  });

  it('addresses an email to the editor', () => {
    expect(reportHref('directory@clinic.example', REPORT)).toMatch(/^mailto:directory@clinic\.example\?subject=/);
  });

  it("opens an issue tracker's new-issue page with the title and text filled in", () => {
    expect(reportHref('https://github.com/example/directory/issues/new', REPORT)).toBe(
      'https://github.com/example/directory/issues/new?title=a%20number%20%26%20more&body=line%20one%0Aline%20two',
    );
    expect(reportHref('https://tracker.example/new?labels=directory', REPORT)).toMatch(
      /^https:\/\/tracker\.example\/new\?labels=directory&title=/,
    );
  });
});

describe('the report target in the options', () => {
  it('accepts an email address, an https page, or nothing', () => {
    expect(reportTarget('  directory@clinic.example ')).toBe('directory@clinic.example');
    expect(reportTarget('https://github.com/example/directory/issues/new#top')).toBe(
      'https://github.com/example/directory/issues/new',
    );
    expect(reportTarget('')).toBe('');
  });

  it.each([
    'http://tracker.example/new',
    'javascript:alert(1)',
    'ftp://x.example/',
    'https://user:pw@x.example/',
    'not an address',
    42,
  ])('refuses %s', (given) => {
    expect(reportTarget(given)).toBeNull();
  });

  it('reads a stored setting back, and an unusable one as the default', () => {
    expect(DEFAULT_SETTINGS.reportTo).toBe('');
    expect(readSettings({ reportTo: 'directory@clinic.example' }).reportTo).toBe('directory@clinic.example');
    expect(readSettings({ reportTo: 'javascript:alert(1)' }).reportTo).toBe('');
    // Settings stored before this setting existed read as the default.
    expect(readSettings({ mode: 'all' }).reportTo).toBe('');
  });
});

describe("a card's report", () => {
  afterEach(resetMessages);

  it('names the record, each number and the sources it was read on, and the day it was checked', () => {
    useMessages('en');
    const lifeline = allGroups().find((g) => g.id === '988-lifeline')!;
    const href = reportHrefFor(lifeline, '');
    const body = decodeURIComponent(new URL(href).searchParams.get('body')!);
    expect(decodeURIComponent(new URL(href).searchParams.get('subject')!)).toBe(
      'still-there: a number for 988 Suicide & Crisis Lifeline may be wrong',
    );
    expect(body).toContain('Record: 988 Suicide & Crisis Lifeline (988-lifeline)');
    expect(body).toContain('Call 988, then press 2');
    expect(body).toContain('source: https://988lifeline.org/get-help/what-to-expect (undated)');
    expect(body).toContain(lifeline.verified);
  });
});
