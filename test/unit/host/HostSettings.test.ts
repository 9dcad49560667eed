import { describe, expect, it } from 'vitest';

import { toHostSettings } from '../../../src/local/host/HostSettings.js';
import { parseTimeSpan } from '../../../src/local/host/parseTimeSpan.js';

describe('parseTimeSpan', () => {
  it('reads .NET TimeSpan strings and bare milliseconds', () => {
    expect(parseTimeSpan('00:00:30', 'x')).toBe(30_000);
    expect(parseTimeSpan('00:10:00', 'x')).toBe(600_000);
    expect(parseTimeSpan('1.02:00:00', 'x')).toBe(26 * 3_600_000);
    expect(parseTimeSpan('00:00:00.250', 'x')).toBe(250);
    expect(parseTimeSpan(2000, 'x')).toBe(2000);
    expect(() => parseTimeSpan('30s', 'visibilityTimeout')).toThrow(/"visibilityTimeout" is not a TimeSpan/);
  });
});

describe('toHostSettings', () => {
  it("fills in the host's defaults", () => {
    expect(toHostSettings({})).toEqual({
      http: { routePrefix: 'api' },
      queues: {
        maxPollingIntervalMs: 60_000,
        visibilityTimeoutMs: 0,
        batchSize: 16,
        newBatchThreshold: 8,
        maxDequeueCount: 5,
        messageEncoding: 'base64',
      },
      serviceBus: { autoCompleteMessages: true, maxConcurrentCalls: 16 },
      functionTimeoutMs: undefined,
    });
  });

  it("reads this project's host.json", () => {
    const settings = toHostSettings({
      functionTimeout: '00:10:00',
      extensions: {
        http: { routePrefix: '/v1/' },
        queues: {
          maxPollingInterval: '00:00:02',
          visibilityTimeout: '00:00:30',
          batchSize: 16,
          maxDequeueCount: 3,
          newBatchThreshold: 4,
          messageEncoding: 'none',
        },
        serviceBus: { autoCompleteMessages: false, maxConcurrentCalls: 8 },
      },
    });
    expect(settings).toEqual({
      http: { routePrefix: 'v1' },
      queues: {
        maxPollingIntervalMs: 2_000,
        visibilityTimeoutMs: 30_000,
        batchSize: 16,
        newBatchThreshold: 4,
        maxDequeueCount: 3,
        messageEncoding: 'none',
      },
      serviceBus: { autoCompleteMessages: false, maxConcurrentCalls: 8 },
      functionTimeoutMs: 600_000,
    });
  });

  it('allows an empty route prefix', () => {
    expect(toHostSettings({ extensions: { http: { routePrefix: '' } } }).http.routePrefix).toBe('');
  });
});
