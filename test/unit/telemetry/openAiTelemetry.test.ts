import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AzureOpenAiPlaceRanker } from '../../../src/shared/ai/AzureOpenAiPlaceRanker.js';
import { createAzureOpenAiClient } from '../../../src/shared/ai/createAzureOpenAiClient.js';
import { ATTR } from '../../../src/shared/telemetry/telemetryNames.js';
import { makePlace } from '../../fixtures/planner/planFixtures.js';
import {
  type InMemoryTelemetry,
  startInMemoryTelemetry,
} from '../../integration/telemetry/inMemoryTelemetry.js';
import { FakeOpenAiServer } from '../ai/fakeOpenAiServer.js';

let telemetry: InMemoryTelemetry;
const server = new FakeOpenAiServer();
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await telemetry.shutdown();
});

describe('Azure OpenAI call telemetry', () => {
  it('is a client span (provider azure-openai) over the HTTP span, without the key or the prompt', async () => {
    const museum = makePlace({ id: 'google:museum', name: 'National Museum', category: 'culture' });
    server.reply = {
      kind: 'content',
      content: JSON.stringify({ ranking: [{ id: museum.id, reason: 'x' }] }),
    };
    const ranker = new AzureOpenAiPlaceRanker({
      client: createAzureOpenAiClient({
        baseURL: server.baseURL,
        apiVersion: '2024-10-21',
        deployment: 'ranker',
        apiKey: 'openai-test-key-123',
      }),
      deployment: 'ranker',
    });
    const result = await ranker.rank({
      members: [{ name: 'Private Person', age: 40, preferences: ['history'] }],
      days: 1,
      language: 'en',
      candidates: [museum],
    });
    expect(result.status).toBe('ok');

    const spans = telemetry.spans();
    const call = spans.find((s) => s.name === 'openai.rank');
    expect(call?.kind).toBe(SpanKind.CLIENT);
    expect(call?.attributes).toMatchObject({
      [ATTR.provider]: 'azure-openai',
      [ATTR.outcome]: 'ok',
      [ATTR.retryCount]: 0,
    });
    const http = spans.find((s) => s.parentSpanContext?.spanId === call!.spanContext().spanId);
    expect(http?.attributes).toMatchObject({
      [ATTR.provider]: 'azure-openai',
      'url.full': `${new URL(server.baseURL).origin}/openai/deployments/ranker/chat/completions`,
      'url.query': '[redacted]',
    });
    const text = JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events]));
    expect(text).not.toContain('openai-test-key-123');
    expect(text).not.toContain('Private Person');
  });
});
