import { describe, expect, it } from 'vitest';
import { allGroups } from '../../src/directory/groups.ts';
import { digits, phoneMismatch, phonesIn } from '../../src/directory/phones.ts';

const dbsa = allGroups().find((g) => g.id === 'dbsa')!;
const ea = allGroups().find((g) => g.phones.length === 0)!;

describe('phone numbers beside a group’s link', () => {
  it('reads the ways pages print US numbers', () => {
    expect(phonesIn('Call (800) 826-3632 or 312.642.0049, or +1 800 950 6264; TTY 1-800-487-4889.')).toEqual([
      '8008263632',
      '3126420049',
      '8009506264',
      '8004874889',
    ]);
    expect(phonesIn('Founded 1985; 40,000 members; ZIP 60604-1234')).toEqual([]);
    expect(digits('1-800-826-3632')).toBe('8008263632');
  });

  it('flags an old number the directory does not list for the group', () => {
    const m = phoneMismatch('NDMDA, 730 N. Franklin, Chicago. Phone (312) 642-0049 or (800) 826-3632', dbsa);
    expect(m).toBeNull(); // both are listed
    const old = phoneMismatch('National Depressive and Manic-Depressive Association: (800) 826-3600', dbsa);
    expect(old?.printed).toBe('(800) 826-3600');
    expect(old?.listed).toBe('(800) 826-3632');
  });

  it('says nothing without a printed number or without a listed one', () => {
    expect(phoneMismatch('DBSA: peer support groups across the country', dbsa)).toBeNull();
    expect(phoneMismatch('Call (555) 123-4567', ea)).toBeNull();
  });
});

describe('numbers printed with letters, and a line’s routes', () => {
  it('dials letters by their keys', () => {
    expect(digits('1-800-MY-RESET')).toBe('8006973738');
    expect(digits('1-833-TLC-MAMA')).toBe('8338526262');
  });

  it("compares a page's number with the group's routes too: NAMI's HelpLine is listed", () => {
    const nami = allGroups().find((g) => g.id === 'nami')!;
    expect(phoneMismatch('NAMI HelpLine 1-800-950-6264', nami)).toBeNull();
    expect(phoneMismatch('NAMI HelpLine 1-800-950-0000', nami)?.listed).toBe('1-800-950-6264');
  });
});
