import type { Place } from '../domain/place.js';
import type { PlanMember } from '../planner/planTypes.js';

/** What a ranker is told: who travels, for how long, and the candidates it may choose from. */
export interface RankingRequest {
  readonly members: readonly PlanMember[];
  readonly days: number;
  readonly language: string;
  readonly candidates: readonly Place[];
}

/**
 * `ok`: a usable ranking. Anything else means "no ranking": the deterministic plan stands.
 * `timeout`: the ranker's own time budget ran out; `invalid_response`: the answer was not the
 * structured JSON asked for; `failed`: the call itself failed (HTTP error, network, refusal).
 */
export type RankingStatus = 'ok' | 'timeout' | 'invalid_response' | 'failed';

export interface RankingResult {
  readonly status: RankingStatus;
  /** Candidate ids, best first. Only ids from the request's candidates; empty unless `ok`. */
  readonly rankedIds: string[];
  /** Short reasons by candidate id, when the ranker gave them. */
  readonly reasons: Readonly<Record<string, string>>;
  /** Returned ids that were not candidates (invented or tampered) or repeated: dropped and counted. */
  readonly droppedIds: number;
  /** Why the ranking is missing, for logs (never shown to travellers). */
  readonly error?: string;
}

/**
 * Optional re-ranking of candidates (an LLM). Implementations never throw for their own failures
 * — they report a status so the planner carries on without a ranking — but they do reject when
 * the caller's `signal` aborts (the job is being cancelled).
 */
export interface PlaceRanker {
  rank(request: RankingRequest, signal?: AbortSignal): Promise<RankingResult>;
}

/** The result of not ranking. */
export function noRanking(status: Exclude<RankingStatus, 'ok'>, error: string): RankingResult {
  return { status, rankedIds: [], reasons: {}, droppedIds: 0, error };
}
