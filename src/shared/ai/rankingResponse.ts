import { z } from 'zod';

/**
 * The structured answer asked of the model: candidate ids best first, each with a short reason.
 * Sent as a strict JSON schema (`response_format`) and validated again with zod on the way back,
 * since a schema in the request is a request, not a guarantee.
 */
export const rankingResponseSchema = z.object({
  ranking: z
    .array(
      z.object({
        id: z.string().max(320),
        reason: z.string().max(500),
      }),
    )
    .max(200),
});
export type RankingResponse = z.infer<typeof rankingResponseSchema>;

/** Parse the model's message content; `undefined` when it is not JSON of the expected shape. */
export function parseRankingResponse(content: string | null | undefined): RankingResponse | undefined {
  if (!content) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return undefined;
  }
  const parsed = rankingResponseSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Keep only ids that are candidates, first occurrence wins, in the model's order. Everything else
 * is dropped and counted: the model may choose among candidates, never add to them.
 */
export function groundRanking(
  response: RankingResponse,
  candidateIds: ReadonlySet<string>,
): { rankedIds: string[]; reasons: Record<string, string>; droppedIds: number } {
  const rankedIds: string[] = [];
  const reasons: Record<string, string> = {};
  let droppedIds = 0;
  for (const { id, reason } of response.ranking) {
    if (!candidateIds.has(id) || Object.hasOwn(reasons, id)) {
      droppedIds++;
      continue;
    }
    rankedIds.push(id);
    reasons[id] = reason;
  }
  return { rankedIds, reasons, droppedIds };
}
