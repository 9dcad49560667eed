import type { AppConfig } from '../config/AppConfig.js';
import { placeCategorySchema } from '../domain/place.js';
import { type PlaceSearchParams, placeSearchParamsSchema } from '../places/placeSearchParams.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import { recordWarmerBudget } from '../telemetry/cacheTelemetry.js';
import type { Logger } from '../telemetry/Logger.js';
import type { RunLock } from './RunLock.js';
import { UpstreamBudget } from './UpstreamBudget.js';

export interface WarmerReport {
  ran: boolean;
  targets: number;
  refreshed: number;
  skippedFresh: number;
  deferred: number;
  failed: number;
  upstreamCalls: number;
}

export interface PopularWarmerOptions {
  places: PlaceServices;
  lock: RunLock;
  config: AppConfig['warmers'];
  logger: Logger;
  /** Refresh anything that would expire before the next run (default: 21 min for a 20-minute schedule). */
  refreshAheadMs?: number;
  languages?: readonly string[];
  popularLimit?: number;
  callsPerSecond?: number;
}

const SEARCH_RADIUS_M = 5_000;

/** The searches the warmer keeps fresh for configured destinations: one per destination × category × language. */
export function configuredSearches(
  config: AppConfig['warmers'],
  languages: readonly string[] = ['ko', 'en'],
): PlaceSearchParams[] {
  const out: PlaceSearchParams[] = [];
  for (const d of config.destinations) {
    for (const category of config.categories) {
      const parsedCategory = placeCategorySchema.safeParse(category);
      if (!parsedCategory.success) continue;
      for (const language of languages) {
        out.push(
          placeSearchParamsSchema.parse({
            category: parsedCategory.data,
            lat: d.lat,
            lng: d.lng,
            radius: SEARCH_RADIUS_M,
            language,
          }),
        );
      }
    }
  }
  return out;
}

/**
 * Keeps popular searches warm: the configured destinations × categories, and the most requested
 * searches recorded by the cache layer. Only entries that would expire before the next run are
 * refreshed, within a per-run budget of upstream calls, paced under the providers' quotas, and only
 * by the one instance that holds the run lock.
 */
export class PopularWarmer {
  readonly #o: Readonly<PopularWarmerOptions>;

  constructor(options: Readonly<PopularWarmerOptions>) {
    this.#o = options;
  }

  /**
   * One warm-up pass. `occurrence` names the schedule occurrence that fired it (the timer's next due
   * time, the same on every instance): the first instance to claim it runs, the others skip — even
   * one whose timer fires after that run has finished and released the run lock.
   */
  async run(signal?: AbortSignal, occurrence?: string): Promise<WarmerReport> {
    const report: WarmerReport = {
      ran: false,
      targets: 0,
      refreshed: 0,
      skippedFresh: 0,
      deferred: 0,
      failed: 0,
      upstreamCalls: 0,
    };
    // Never released: the claim marks the occurrence as taken until it lapses.
    if (occurrence && !(await this.#o.lock.tryAcquire(`popular-warmer@${occurrence}`, 60 * 60_000))) {
      this.#o.logger.info('warmer skipped: another instance ran this schedule', { occurrence });
      return report;
    }
    const lease = await this.#o.lock.tryAcquire('popular-warmer', 15 * 60_000);
    if (!lease) {
      this.#o.logger.info('warmer skipped: another instance holds the lock');
      return report;
    }
    report.ran = true;
    try {
      const budget = new UpstreamBudget(this.#o.config.upstreamBudget, this.#o.callsPerSecond ?? 10);
      const targets = dedupe([
        ...configuredSearches(this.#o.config, this.#o.languages),
        ...(await this.#o.places.recorder.top(this.#o.popularLimit ?? 50).catch(() => [])),
      ]);
      report.targets = targets.length;
      const ahead = this.#o.refreshAheadMs ?? 21 * 60_000;
      for (const params of targets) {
        const fresh = await this.#o.places.search.freshness(params);
        if (fresh.cached && fresh.freshForMs > ahead) {
          report.skippedFresh++;
          continue;
        }
        if (signal?.aborted || budget.remaining <= 0 || !(await lease.stillHeld())) {
          report.deferred++;
          continue;
        }
        try {
          const done = await this.#o.places.search.refresh(params, signal, () => budget.take());
          if (done) report.refreshed++;
          else report.deferred++;
        } catch (error) {
          report.failed++;
          this.#o.logger.warn('warmer refresh failed', { error: (error as Error).message });
        }
      }
      report.upstreamCalls = budget.spent;
      recordWarmerBudget(budget.spent, this.#o.config.upstreamBudget);
      this.#o.logger.info('warmer run', { ...report });
      return report;
    } finally {
      await lease.release();
    }
  }
}

function dedupe(list: PlaceSearchParams[]): PlaceSearchParams[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = JSON.stringify(p, Object.keys(p).sort());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
