import { describe, expect, it } from 'vitest';

import { parseGoogleDuration } from '../../../../src/shared/providers/google/googleDuration.js';
import { parseRetryAfterHeader } from '../../../../src/shared/providers/http/retryAfter.js';

describe('parseRetryAfterHeader', () => {
  const now = Date.parse('2026-05-01T00:00:00Z');
  it.each([
    ['delay-seconds', '120', 120],
    ['an HTTP-date 30 s ahead', 'Fri, 01 May 2026 00:00:30 GMT', 30],
    ['an HTTP-date in the past', 'Thu, 30 Apr 2026 23:00:00 GMT', 0],
    ['garbage', 'soon', undefined],
    ['absent', undefined, undefined],
  ])('%s', (_name, header, expected) => {
    expect(parseRetryAfterHeader(header, now)).toBe(expected);
  });

  it('reads the first of repeated headers', () => {
    expect(parseRetryAfterHeader(['4', '9'], now)).toBe(4);
  });
});

describe('parseGoogleDuration', () => {
  it.each([
    ['1485s', 1485],
    ['3.5s', 3.5],
    ['0s', 0],
    ['15m', undefined],
  ])('%s', (text, expected) => {
    expect(parseGoogleDuration(text)).toBe(expected);
  });
});
