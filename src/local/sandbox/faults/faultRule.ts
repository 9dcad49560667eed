import { z } from 'zod';

import { UPSTREAMS } from '../Upstream.js';

/** Which requests a rule applies to, and how many of them. */
const common = {
  /** Only this upstream (default: all four). */
  upstream: z.enum(UPSTREAMS).optional(),
  /** Only paths starting with this, e.g. `/v2/local/search/keyword.json`. */
  pathPrefix: z.string().startsWith('/').optional(),
  /** Apply to the next N matching requests, then remove the rule. */
  times: z.number().int().min(1).optional(),
  /** Apply to every Nth matching request (1 = every one): a deterministic error rate. */
  everyNth: z.number().int().min(1).optional(),
  /** Apply with this probability, drawn from a PRNG seeded with `seed` (deterministic per run). */
  probability: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
};

/**
 * One fault. Kinds:
 * - `latency`: delay the answer by `ms` (adds up with other latency rules; the answer still comes);
 * - `http_error`: a 5xx in the provider's own error format;
 * - `rate_limit`: 429 (or 400 for Kakao Mobility's -10) with `Retry-After` (Kakao) / RetryInfo (Google);
 * - `timeout`: never answer; `reset`: destroy the socket;
 * - `malformed_json`: HTTP 200 with a truncated body; `wrong_shape`: HTTP 200, valid JSON, wrong fields;
 * - `error_in_200`: the provider's "failed but 200" answer: Kakao directions `result_code` ≠ 0
 *   (default 104), Google `{}` (no routes / no places), Kakao Local no documents.
 */
export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120_000), ...common }),
  z.object({
    kind: z.literal('http_error'),
    status: z.number().int().min(500).max(599).default(503),
    ...common,
  }),
  z.object({
    kind: z.literal('rate_limit'),
    retryAfterSeconds: z.number().int().min(0).optional(),
    status: z.union([z.literal(429), z.literal(400)]).default(429),
    ...common,
  }),
  z.object({ kind: z.literal('timeout'), ...common }),
  z.object({ kind: z.literal('reset'), ...common }),
  z.object({ kind: z.literal('malformed_json'), ...common }),
  z.object({ kind: z.literal('wrong_shape'), ...common }),
  z.object({ kind: z.literal('error_in_200'), resultCode: z.number().int().optional(), ...common }),
]);

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;
export type FaultKind = FaultRule['kind'];
/** A fault that decides the answer (everything but latency). */
export type TerminalFault = Exclude<FaultRule, { kind: 'latency' }>;
