import type { Upstream } from '../Upstream.js';
import { type FaultRule, type FaultRuleInput, faultRuleSchema, type TerminalFault } from './faultRule.js';
import { seededRandom } from './seededRandom.js';

interface ActiveRule {
  id: string;
  rule: FaultRule;
  /** Requests in scope so far (for `everyNth`). */
  seen: number;
  /** Times applied so far (for `times`). */
  fired: number;
  random: () => number;
}

/** A rule as `list()` and `GET /__sandbox/faults` show it. */
export type FaultRuleState = FaultRule & { id: string; seen: number; fired: number };

/** What to do with one request. */
export interface FaultDecision {
  latencyMs: number;
  fault?: TerminalFault;
}

/**
 * The sandbox's programmable faults, in-process (`sandbox.faults.add(...)`) and over HTTP
 * (`POST/GET/DELETE /__sandbox/faults`). Rules apply in the order added: every firing latency
 * rule adds its delay, and the first firing other rule decides the answer.
 */
export class FaultController {
  #rules: ActiveRule[] = [];
  #nextId = 1;

  /** Add a rule (validated; throws a ZodError when invalid); returns its id. */
  add(input: FaultRuleInput): string {
    const rule = faultRuleSchema.parse(input);
    const id = `fault-${this.#nextId++}`;
    this.#rules.push({ id, rule, seen: 0, fired: 0, random: seededRandom(rule.seed ?? 1) });
    return id;
  }

  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.id !== id);
    return this.#rules.length < before;
  }

  clear(): void {
    this.#rules = [];
  }

  list(): FaultRuleState[] {
    return this.#rules.map(({ id, rule, seen, fired }) => ({ ...rule, id, seen, fired }));
  }

  /** Decide latency and fault for one request to `upstream` at `path`, consuming counters. */
  decide(upstream: Upstream, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.upstream !== undefined && rule.upstream !== upstream) continue;
      if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) continue;
      active.seen += 1;
      if (rule.kind !== 'latency' && decision.fault) continue;
      if (rule.everyNth !== undefined && active.seen % rule.everyNth !== 0) continue;
      if (rule.probability !== undefined && active.random() >= rule.probability) continue;
      active.fired += 1;
      if (rule.kind === 'latency') decision.latencyMs += rule.ms;
      else decision.fault = rule;
    }
    this.#rules = this.#rules.filter((r) => r.rule.times === undefined || r.fired < r.rule.times);
    return decision;
  }
}
