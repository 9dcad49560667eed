import { describe, expect, it } from 'vitest';

import { expectProblem, query, UPSTREAM, usePlacesApp } from './placesApp.js';

/** A deployment whose Google key is wrong: Google's refusal is our fault, 502, and never retried. */
describe('places API with a wrong Google key', () => {
  const app = usePlacesApp({ env: { GOOGLE_MAPS_API_KEY: 'not-the-sandbox-google-key' } });

  it('answers a Tokyo search with 502 upstream_rejected after one upstream call', async () => {
    const res = await app.request(
      `/api/places/search${query({ query: 'temple', lat: 35.7148, lng: 139.7967 })}`,
    );
    expectProblem(res, 502, 'upstream_rejected');
    expect(res.body).toMatchObject({
      provider: 'google',
      detail: expect.stringContaining('API_KEY_INVALID'),
    });
    expect(JSON.stringify(res.body)).not.toContain('not-the-sandbox-google-key');
    expect(app.calls(UPSTREAM.googleText)).toBe(1);
  });

  it('answers Google place details and a Tokyo route with 502 upstream_rejected', async () => {
    const id = `google:${app.local.sandbox.places.find('90040003')!.googleId}`;
    expectProblem(await app.request(`/api/places/${id}`), 502, 'upstream_rejected');
    expectProblem(
      await app.request(
        `/api/routes${query({ from: '35.7148,139.7967', to: '35.6586,139.7454', mode: 'car' })}`,
      ),
      502,
      'upstream_rejected',
    );
    expect(app.calls(UPSTREAM.googleDetails)).toBe(1);
    expect(app.calls(UPSTREAM.googleRoutes)).toBe(1);
  });

  it('still answers in Korea from Kakao; a Kakao place just has unknown hours', async () => {
    const search = await app.request(
      `/api/places/search${query({ query: '경복궁', lat: 37.5796, lng: 126.977 })}`,
    );
    expect(search.status).toBe(200);
    expect(search.body.provider).toBe('kakao');
    const details = await app.request('/api/places/kakao:90010001');
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ id: 'kakao:90010001', name: '경복궁' });
    // Unknown is a risk for the planner, never "always open".
    expect(details.body.openingHours).toBeUndefined();
    const car = await app.request(
      `/api/routes${query({ from: '37.5796,126.977', to: '37.5512,126.9882', mode: 'car' })}`,
    );
    expect(car.body).toMatchObject({ provider: 'kakao', estimated: false });
  });
});
