import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';

import { traceUpstreamCall } from '../telemetry/upstreamCall.js';
import { noRanking, type PlaceRanker, type RankingRequest, type RankingResult } from './PlaceRanker.js';
import { rankingMessages } from './rankingPrompt.js';
import { groundRanking, parseRankingResponse, rankingResponseSchema } from './rankingResponse.js';

export interface AzureOpenAiPlaceRankerOptions {
  /** An `AzureOpenAI` client (see `createAzureOpenAiClient`); only `chat.completions` is used. */
  readonly client: Pick<OpenAI, 'chat'>;
  /** The Azure deployment name (sent as `model`; the client routes it to `/deployments/{name}`). */
  readonly deployment: string;
  /** Hard budget for the whole call, including reading the answer (default 8 s). */
  readonly timeoutMs?: number;
  /** Candidates sent at most (default 60), best-first as given. */
  readonly maxCandidates?: number;
}

/**
 * Ranks candidates with an Azure OpenAI chat deployment using structured output (a strict JSON
 * schema) validated by zod. Grounded: ids that are not candidates are dropped and counted.
 * Bounded: an `AbortSignal` ends the call after `timeoutMs`, and no SDK retries stretch it. Any
 * failure becomes a status, so the deterministic plan stands.
 */
export class AzureOpenAiPlaceRanker implements PlaceRanker {
  private readonly timeoutMs: number;
  private readonly maxCandidates: number;

  constructor(private readonly options: Readonly<AzureOpenAiPlaceRankerOptions>) {
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.maxCandidates = options.maxCandidates ?? 60;
  }

  async rank(request: RankingRequest, signal?: AbortSignal): Promise<RankingResult> {
    signal?.throwIfAborted();
    const candidates = request.candidates.slice(0, this.maxCandidates);
    if (candidates.length === 0) return { status: 'ok', rankedIds: [], reasons: {}, droppedIds: 0 };
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let content: string | null | undefined;
    try {
      const completion = await traceUpstreamCall(
        { provider: 'azure-openai', operation: 'openai.rank' },
        (attempt) => {
          attempt();
          return this.options.client.chat.completions.create(
            {
              model: this.options.deployment,
              messages: rankingMessages({ ...request, candidates }),
              response_format: zodResponseFormat(rankingResponseSchema, 'place_ranking'),
            },
            { signal: combined, maxRetries: 0, timeout: this.timeoutMs },
          );
        },
      );
      const message = completion.choices[0]?.message;
      if (message?.refusal) return noRanking('failed', `the model refused: ${message.refusal}`);
      content = message?.content;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) return noRanking('timeout', `no answer within ${this.timeoutMs} ms`);
      return noRanking('failed', error instanceof Error ? error.message : String(error));
    }
    const parsed = parseRankingResponse(content);
    if (!parsed) return noRanking('invalid_response', 'the answer was not the requested JSON');
    const grounded = groundRanking(parsed, new Set(candidates.map((c) => c.id)));
    return { status: 'ok', ...grounded };
  }
}
