import { describe, expect, it } from 'vitest';

import { type MapProvider, providersForArea } from '../../../src/shared/providers/MapProvider.js';

const provider = (name: 'kakao' | 'google', region: MapProvider['region'], enabled = true): MapProvider => ({
  name,
  region,
  enabled: () => enabled,
});

describe('providersForArea', () => {
  const google = provider('google', 'world');
  const kakao = provider('kakao', 'KR');

  it('puts the Korean specialist first in Korea, whatever the list order', () => {
    expect(providersForArea([google, kakao], true)).toEqual([kakao, google]);
  });

  it('leaves Korean specialists out elsewhere', () => {
    expect(providersForArea([kakao, google], false)).toEqual([google]);
  });

  it('leaves out providers without a key', () => {
    expect(providersForArea([provider('kakao', 'KR', false), google], true)).toEqual([google]);
  });
});
