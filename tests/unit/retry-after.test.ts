import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/health/retry-after.ts';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['1.5', 1_500],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['Sat, 28 Nov 2026 12:00:10 GMT', 10_000],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
  ])('%s → %i ms', (value, ms) => expect(parseRetryAfter(value, now)).toBe(ms));

  it.each([undefined, '', 'soon', '-5'])('%s → null', (value) => expect(parseRetryAfter(value, now)).toBeNull());
});
