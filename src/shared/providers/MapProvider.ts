import type { Provider } from '../domain/place.js';

/**
 * Where a provider answers: `KR` for a specialist that knows only South Korea (Kakao), `world` for a
 * global one (Google). Services order providers by this, never by name.
 */
export type ProviderRegion = 'KR' | 'world';

/** What every capability port shares: who answers, where, and whether it is configured. */
export interface MapProvider {
  readonly name: Provider;
  readonly region: ProviderRegion;
  /** False when the provider has no key: a call would fail before reaching it. */
  enabled(): boolean;
}

/**
 * The enabled providers that can answer in an area, best first: inside Korea the Korean specialists
 * before the global ones (they know Korean places, addresses and roads better); elsewhere only the
 * global ones.
 */
export function providersForArea<P extends MapProvider>(providers: readonly P[], inKorea: boolean): P[] {
  const ordered = inKorea
    ? [...providers.filter((p) => p.region === 'KR'), ...providers.filter((p) => p.region !== 'KR')]
    : providers.filter((p) => p.region === 'world');
  return ordered.filter((p) => p.enabled());
}
