import { SeverityNumber } from '@opentelemetry/api-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';
import { ATTR, METRIC } from '../../../src/shared/telemetry/telemetryNames.js';
import {
  type InMemoryTelemetry,
  startInMemoryTelemetry,
} from '../../integration/telemetry/inMemoryTelemetry.js';

let telemetry: InMemoryTelemetry;
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
});
afterAll(async () => {
  await telemetry.shutdown();
});

const down = () => Promise.reject(new AppError('upstream_unavailable', 'kakao answered 503'));

describe('circuit breaker and upstream call telemetry', () => {
  it('a breaker opening emits a warning log record and sets the circuit_state gauge to 1', async () => {
    const policy = new ProviderPolicy({
      name: 'kakao.search',
      provider: 'kakao',
      budgetMs: 1_000,
      maxRetries: 0,
      breakerThreshold: 2,
    });
    await expect(policy.execute(down)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(telemetry.logs().filter((r) => r.attributes.event === 'circuit_state_changed')).toEqual([]);
    await expect(policy.execute(down)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(policy.state).toBe('open');

    const records = telemetry.logs().filter((r) => r.attributes.event === 'circuit_state_changed');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      severityNumber: SeverityNumber.WARN,
      body: 'circuit open',
      attributes: { provider: 'kakao', endpoint: 'kakao.search', state: 'open' },
    });
    const state = await telemetry.points(METRIC.circuitState);
    expect(state.find((p) => p.attributes.endpoint === 'kakao.search')).toMatchObject({
      attributes: { provider: 'kakao', endpoint: 'kakao.search' },
      value: 1,
    });
    const changes = await telemetry.points(METRIC.circuitStateChanges);
    expect(changes.find((p) => p.attributes.state === 'open')?.value).toBe(1);

    // Refused without reaching the upstream: still one client span, with the code.
    await expect(policy.execute(down)).rejects.toMatchObject({ code: 'upstream_circuit_open' });
    const last = telemetry.spans().at(-1)!;
    expect(last.attributes).toMatchObject({
      [ATTR.operation]: 'kakao.search',
      [ATTR.outcome]: 'upstream_circuit_open',
      [ATTR.retryCount]: 0,
    });
  });

  it('counts retries on the client span and failures by code', async () => {
    const policy = new ProviderPolicy({
      name: 'google.details',
      provider: 'google',
      budgetMs: 2_000,
      maxRetries: 2,
      baseDelayMs: 1,
      maxDelayMs: 1,
    });
    let calls = 0;
    const value = await policy.execute(async () => {
      if (++calls < 3) throw new AppError('upstream_unavailable', 'flaky', { transient: true });
      return 'ok';
    });
    expect(value).toBe('ok');
    const span = telemetry.spans().find((s) => s.attributes[ATTR.operation] === 'google.details')!;
    expect(span.attributes).toMatchObject({ [ATTR.retryCount]: 2, [ATTR.outcome]: 'ok' });
    const failures = await telemetry.points(METRIC.upstreamFailures);
    expect(failures.find((p) => p.attributes.endpoint === 'kakao.search')?.attributes).toEqual({
      provider: 'kakao',
      endpoint: 'kakao.search',
      code: 'upstream_unavailable',
    });
  });
});
