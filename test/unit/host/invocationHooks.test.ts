import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { callsOf } from '../../fixtures/host/recorder.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/hookFunctions.ts');

describe('local host: app.hook.* lifecycle hooks', () => {
  let host: LocalHost;
  let url: string;

  beforeAll(async () => {
    host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      env: {},
      hostJson: {},
      logger: memoryHostLogger(),
      serviceBus: () => undefined,
    });
    ({ url } = await host.start());
  });

  afterAll(async () => {
    await host.stop();
  });

  it('runs appStart hooks at start', () => {
    expect(callsOf('appStart')).toEqual([true]);
  });

  it('lets preInvocation replace the handler and postInvocation replace the result, sharing hookData', async () => {
    const res = await fetch(`${url}/api/hooked`);
    expect(await res.json()).toEqual({ replacedBy: 'postInvocation' });
    expect(callsOf('wrapped')).toEqual([true]);
    expect(callsOf('postInvocation')).toEqual([
      { hookData: { startedBy: 'preInvocation' }, result: { jsonBody: { from: 'handler' } } },
    ]);
  });

  it('runs appTerminate hooks once at stop', async () => {
    expect(callsOf('appTerminate')).toEqual([]);
    await host.stop();
    await host.stop();
    expect(callsOf('appTerminate')).toEqual([true]);
  });
});
