import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { isInKorea } from '../domain/geo.js';
import type { MatrixCell, RouteLeg, TravelMode } from '../domain/route.js';
import { AppError, isAppError } from '../errors/AppError.js';
import { providersForArea } from '../providers/MapProvider.js';
import type {
  MatrixProvider,
  MatrixRequest,
  RouteProvider,
  RouteRequest,
} from '../providers/RouteProvider.js';
import { estimateLeg } from './travelEstimate.js';

export type { MatrixRequest, RouteRequest } from '../providers/RouteProvider.js';

export interface RouteServiceOptions {
  routes: readonly RouteProvider[];
  matrix: readonly MatrixProvider[];
  cache: TieredCache;
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
 * Travel legs: the providers that cover the area and the mode, Korean specialists first in Korea
 * (Kakao Mobility for cars), then the global one (Google Routes), and an estimate (marked
 * `estimated`) where no provider answers. A provider that says it has no directions at all inside
 * Korea (Google) is remembered per mode and not asked again there.
 */
export class RouteService {
  readonly #routes: readonly RouteProvider[];
  readonly #matrix: readonly MatrixProvider[];
  readonly #cache: TieredCache;
  /** `provider:mode` pairs that answered "no directions" inside Korea (learned at run time). */
  readonly #blindInKorea = new Set<string>();

  constructor(options: Readonly<RouteServiceOptions>) {
    this.#routes = options.routes;
    this.#matrix = options.matrix;
    this.#cache = options.cache;
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
    let transient: unknown;
    const korea = isInKorea(request.from) && isInKorea(request.to);
    const providers = providersForArea(this.#routes, korea).filter(
      (p) => p.modes.includes(request.mode) && !(korea && this.#isBlind(p.name, request.mode)),
    );
    for (const provider of providers) {
      try {
        return await provider.route(request, signal);
      } catch (error) {
        if (provider.isOutOfCoverage(error)) {
          if (korea) this.#blindInKorea.add(`${provider.name}:${request.mode}`);
          continue;
        }
        // No route between these two points: no other provider will find one either.
        if (isAppError(error) && error.code === 'no_route') {
          transient = undefined;
          break;
        }
        if (!(isAppError(error) && error.transient)) throw error;
        transient = error; // the next provider; the estimate only if none can answer
      }
    }
    if (transient) throw new ProvidersDown(transient);
    return estimateLeg(request.from, request.to, request.mode);
  }

  #isBlind(provider: string, mode: TravelMode): boolean {
    return this.#blindInKorea.has(`${provider}:${mode}`);
  }

  /**
   * A full origins × destinations matrix in as few upstream calls as possible (Google's matrix in
   * blocks within its element limit); cells no provider answers are estimated. Never N² single routes.
   */
  async matrix(request: MatrixRequest, signal?: AbortSignal): Promise<MatrixCell[][]> {
    const estimateAll = () =>
      request.origins.map((o) => request.destinations.map((d) => toCell(estimateLeg(o, d, request.mode))));
    const allKorea = [...request.origins, ...request.destinations].every(isInKorea);
    const provider = providersForArea(this.#matrix, allKorea).find(
      (p) => !(allKorea && this.#isBlind(p.name, request.mode)),
    );
    if (!provider) return estimateAll();
    const key = cacheKey(
      'location',
      'matrix',
      queryHash({
        o: JSON.stringify(request.origins),
        d: JSON.stringify(request.destinations),
        mode: request.mode,
      }),
    );
    try {
      const result = await this.#cache.getOrLoad<MatrixCell[][]>(key, MATRIX_ESTIMATES_KEPT_BRIEFLY, () =>
        this.#fetchMatrix(provider, request, allKorea, signal),
      );
      return result.value;
    } catch (error) {
      // As for single routes: a stale provider matrix wins; only without one are estimates served,
      // and they are not stored over it.
      if (error instanceof ProvidersDown) return error.partial ?? estimateAll();
      throw error;
    }
  }

  async #fetchMatrix(
    provider: MatrixProvider,
    request: MatrixRequest,
    allKorea: boolean,
    signal?: AbortSignal,
  ): Promise<MatrixCell[][]> {
    let transient: unknown;
    const rows: MatrixCell[][] = [];
    // Split into blocks within the provider's element limit for the mode (Google: 625; 100 for transit).
    const limit = provider.maxElements(request.mode);
    const destinationBlocks = chunk(request.destinations, Math.min(request.destinations.length, limit));
    const originsPerBlock = Math.max(1, Math.floor(limit / destinationBlocks[0]!.length));
    for (const origins of chunk(request.origins, originsPerBlock)) {
      const blockRows: MatrixCell[][] = origins.map(() => []);
      for (const destinations of destinationBlocks) {
        let cells: (MatrixCell | null)[][] | undefined;
        try {
          cells = await provider.matrix({ origins, destinations, mode: request.mode }, signal);
        } catch (error) {
          if (!(isAppError(error) && (error.transient || error.code === 'no_route'))) throw error;
          if (error.transient) transient = error;
        }
        origins.forEach((o, i) => {
          destinations.forEach((d, j) => {
            blockRows[i]!.push(cells?.[i]?.[j] ?? toCell(estimateLeg(o, d, request.mode)));
          });
        });
        if (allKorea && cells && cells.every((r) => r.every((c) => c === null)))
          this.#blindInKorea.add(`${provider.name}:${request.mode}`);
      }
      rows.push(...blockRows);
    }
    if (transient) throw new ProvidersDown(transient, rows);
    return rows;
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

/** Every provider that could answer failed transiently: transient, so the cache may serve a stale value. */
class ProvidersDown extends AppError {
  /** A matrix with estimated cells where the provider failed, served only when nothing stale exists. */
  readonly partial?: MatrixCell[][];

  constructor(cause: unknown, partial?: MatrixCell[][]) {
    super('upstream_unavailable', 'Route providers unavailable', { transient: true, cause });
    this.partial = partial;
  }
}
