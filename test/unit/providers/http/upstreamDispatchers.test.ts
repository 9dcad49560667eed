import { describe, expect, it } from 'vitest';

import { createUpstreamDispatchers } from '../../../../src/shared/providers/http/upstreamDispatchers.js';

describe('createUpstreamDispatchers', () => {
  it('shares one pool per origin, whatever the path', async () => {
    const dispatchers = createUpstreamDispatchers();

    const kakaoLocal = dispatchers.forBaseUrl('https://dapi.kakao.com');
    const kakaoLocalAgain = dispatchers.forBaseUrl('https://dapi.kakao.com/v2/');
    const kakaoMobility = dispatchers.forBaseUrl('https://apis-navi.kakaomobility.com');

    expect(kakaoLocalAgain).toBe(kakaoLocal);
    expect(kakaoMobility).not.toBe(kakaoLocal);
    await dispatchers.close();
  });

  it('starts afresh after close', async () => {
    const dispatchers = createUpstreamDispatchers();
    const before = dispatchers.forBaseUrl('https://places.googleapis.com');

    await dispatchers.close();

    expect(dispatchers.forBaseUrl('https://places.googleapis.com')).not.toBe(before);
    await dispatchers.close();
  });
});
