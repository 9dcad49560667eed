import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { isAppError } from '../../../src/shared/errors/AppError.js';
import { readQuery, readQueryOnce } from '../../../src/shared/http/readJsonBody.js';
import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';

const get = (query: string) =>
  new HttpRequest({ method: 'GET', url: `http://localhost/api/places/search?${query}` });

describe('readQueryOnce', () => {
  it('answers a repeated query with the same frozen parse, equal to what readQuery gives', () => {
    const query = 'query=%EC%B9%B4%ED%8E%98&lat=37.5&lng=127&radius=800';
    const first = readQueryOnce(get(query), placeSearchParamsSchema);
    expect(first).toEqual(readQuery(get(query), placeSearchParamsSchema));
    expect(Object.isFrozen(first)).toBe(true);
    expect(readQueryOnce(get(query), placeSearchParamsSchema)).toBe(first);
    expect(readQueryOnce(get(`${query}&page=2`), placeSearchParamsSchema)).toMatchObject({ page: 2 });
  });

  it('refuses an invalid query every time, with its field path, and remembers nothing of it', () => {
    for (let i = 0; i < 2; i++) {
      let caught: unknown;
      try {
        readQueryOnce(get('query=cafe&lat=91&lng=127'), placeSearchParamsSchema);
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught) && caught.code).toBe('validation_failed');
      expect(isAppError(caught) && caught.errors?.map((e) => e.path)).toContain('query.lat');
    }
  });
});
