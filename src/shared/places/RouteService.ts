import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { isInKorea } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';
import type { MatrixCell, RouteLeg, TravelMode } from '../domain/route.js';
import { AppError, isAppError } from '../errors/AppError.js';
import { isGoogleNoDirections } from '../providers/google/googleNoDirections.js';
import { maxMatrixElements } from '../providers/google/GoogleRoutesClient.js';
import type { ProviderClients } from './ProviderClients.js';
import { estimateLeg } from './travelEstimate.js';

export interface RouteRequest {
  from: LatLng;
  to: LatLng;
  mode: TravelMode;
  departAt?: string;
}

export interface MatrixRequest {
  origins: LatLng[];
  destinations: LatLng[];
  mode: TravelMode;
}

/**
 * Routes are cached 4 h, but an estimate often stands in for a provider that failed for a moment:
 * it is kept only as long as a negative result, so the real leg is asked for again soon.
 */
const ESTIMATES_KEPT_BRIEFLY = {
  ttlMs: CACHE_TTL_SECONDS.route * 1000,
  negativeTtlMs: CACHE_TTL_SECONDS.negative * 1000,
  isEmpty: (leg: RouteLeg) => leg.estimated,
};
const MATRIX_ESTIMATES_KEPT_BRIEFLY = {
  ...ESTIMATES_KEPT_BRIEFLY,
  isEmpty: (rows: MatrixCell[][]) => rows.some((row) => row.some((cell) => cell.estimated)),
};

/**
 * Travel legs: Kakao Mobility for cars in Korea, Google Routes elsewhere and for the other modes,
 * and an estimate (marked `estimated`) where no provider answers. Google's missing directions in
 * Korea are detected from its answers, remembered per mode, and then not asked again in Korea.
 */
export class RouteService {
  readonly #clients: ProviderClients;
  readonly #cache: TieredCache;
  /** Modes for which Google answered "no directions" inside Korea (learned at run time). */
  readonly #googleBlindInKorea = new Set<TravelMode>();

  constructor(clients: ProviderClients, cache: TieredCache) {
    this.#clients = clients;
    this.#cache = cache;
  }

  async route(request: RouteRequest, signal?: AbortSignal): Promise<RouteLeg> {
    // departAt is part of the key: a traffic-aware or timetabled leg is only right for its own departure.
    const key = cacheKey(
      'location',
      'route',
      queryHash({
        ...request.from,
        tlat: request.to.lat,
        tlng: request.to.lng,
        mode: request.mode,
        departAt: request.departAt,
      }),
    );
    try {
      const result = await this.#cache.getOrLoad<RouteLeg>(key, ESTIMATES_KEPT_BRIEFLY, () =>
        this.#fetchRoute(request, signal),
      );
      return result.value;
    } catch (error) {
      // Every provider failed for a moment and nothing (not even a stale provider leg) was cached:
      // estimate, without storing it where it would stand in for the provider's answer.
      if (error instanceof ProvidersDown) return estimateLeg(request.from, request.to, request.mode);
      throw error;
    }
  }

  /**
   * The provider's leg, or an estimate where no provider can answer at all. When a provider that could
   * answer failed transiently, throws `ProvidersDown` instead, so the cache serves its stale provider
   * leg rather than an estimate overwriting it.
   */
  async #fetchRoute(request: RouteRequest, signal?: AbortSignal): Promise<RouteLeg> {
    const clients = this.#clients;
    let transient: unknown;
    const korea = isInKorea(request.from) && isInKorea(request.to);
    if (korea && request.mode === 'car' && clients.kakaoEnabled()) {
      try {
        return await clients.policies.kakaoDirections.execute(
          (inner) =>
            clients.kakaoMobility.directions(
              { origin: request.from, destination: request.to },
              { signal: inner },
            ),
          signal,
        );
      } catch (error) {
        if (!isAppError(error) || !error.transient) {
          if (isAppError(error) && error.code === 'no_route')
            return estimateLeg(request.from, request.to, request.mode);
          throw error;
        }
        transient = error; // Google next; the estimate only if it cannot answer either
      }
    }
    if (clients.googleEnabled() && !(korea && this.#googleBlindInKorea.has(request.mode))) {
      try {
        return await clients.policies.googleRoutes.execute(
          (inner) =>
            clients.googleRoutes.computeRoute(
              {
                origin: request.from,
                destination: request.to,
                mode: request.mode,
                departAt: request.departAt,
              },
              { signal: inner },
            ),
          signal,
        );
      } catch (error) {
        if (isGoogleNoDirections(error)) {
          if (korea) this.#googleBlindInKorea.add(request.mode);
        } else if (isAppError(error) && error.transient) {
          transient = error;
        } else if (!(isAppError(error) && error.code === 'no_route')) {
          throw error;
        } else {
          transient = undefined; // Google says there is no route: the estimate is the answer
        }
      }
    }
    if (transient) throw new ProvidersDown(transient);
    return estimateLeg(request.from, request.to, request.mode);
  }

  /**
   * A full origins × destinations matrix in as few upstream calls as possible (Google's matrix in
   * blocks within its element limit); cells no provider answers are estimated. Never N² single routes.
   */
  async matrix(request: MatrixRequest, signal?: AbortSignal): Promise<MatrixCell[][]> {
    const estimateAll = () =>
      request.origins.map((o) => request.destinations.map((d) => toCell(estimateLeg(o, d, request.mode))));
    const allKorea = [...request.origins, ...request.destinations].every(isInKorea);
    if (!this.#clients.googleEnabled() || (allKorea && this.#googleBlindInKorea.has(request.mode)))
      return estimateAll();
    const key = cacheKey(
      'location',
      'matrix',
      queryHash({
        o: JSON.stringify(request.origins),
        d: JSON.stringify(request.destinations),
        mode: request.mode,
      }),
    );
    const result = await this.#cache.getOrLoad<MatrixCell[][]>(
      key,
      MATRIX_ESTIMATES_KEPT_BRIEFLY,
      async () => {
        const rows: MatrixCell[][] = [];
        // Split into blocks within Google's element limit for the mode (625; 100 for transit).
        const limit = maxMatrixElements(request.mode);
        const destinationBlocks = chunk(request.destinations, Math.min(request.destinations.length, limit));
        const originsPerBlock = Math.max(1, Math.floor(limit / destinationBlocks[0]!.length));
        for (const origins of chunk(request.origins, originsPerBlock)) {
          const blockRows: MatrixCell[][] = origins.map(() => []);
          for (const destinations of destinationBlocks) {
            let cells: (MatrixCell | null)[][] | undefined;
            try {
              const matrix = await this.#clients.policies.googleMatrix.execute(
                (inner) =>
                  this.#clients.googleRoutes.computeRouteMatrix(
                    { origins, destinations, mode: request.mode },
                    { signal: inner },
                  ),
                signal,
              );
              cells = matrix.rows;
            } catch (error) {
              if (!(isAppError(error) && (error.transient || error.code === 'no_route'))) throw error;
            }
            origins.forEach((o, i) => {
              destinations.forEach((d, j) => {
                blockRows[i]!.push(cells?.[i]?.[j] ?? toCell(estimateLeg(o, d, request.mode)));
              });
            });
            if (allKorea && cells && cells.every((r) => r.every((c) => c === null)))
              this.#googleBlindInKorea.add(request.mode);
          }
          rows.push(...blockRows);
        }
        return rows;
      },
    );
    return result.value;
  }
}

function toCell(leg: RouteLeg): MatrixCell {
  return {
    distanceMeters: leg.distanceMeters,
    durationSeconds: leg.durationSeconds,
    estimated: leg.estimated,
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every provider that could answer failed transiently: transient, so the cache may serve a stale leg. */
class ProvidersDown extends AppError {
  constructor(cause: unknown) {
    super('upstream_unavailable', 'Route providers unavailable', { transient: true, cause });
  }
}
