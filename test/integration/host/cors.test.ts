import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { loadLocalSettings } from '../../../src/local/host/loadLocalSettings.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/httpFunctions.ts');
const APP_ORIGIN = 'http://localhost:5173';

/** A local.settings.json with `Host.CORS`, read the way `npm start` reads it. */
function corsFromLocalSettings(host: Record<string, unknown>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tripgen-cors-'));
  writeFileSync(
    path.join(dir, 'local.settings.json'),
    JSON.stringify({ IsEncrypted: false, Values: {}, Host: host }),
  );
  return loadLocalSettings(dir, {}).cors;
}

async function startHost(host: Record<string, unknown>): Promise<{ host: LocalHost; url: string }> {
  const local = createLocalHost({
    functionFiles: [fixture],
    port: 0,
    hostJson: { extensions: { http: { routePrefix: 'api' } } },
    env: {},
    logger: memoryHostLogger(),
    serviceBus: () => undefined,
    printFunctions: false,
    cors: corsFromLocalSettings(host),
  });
  const { url } = await local.start();
  return { host: local, url: url.toString().replace(/\/$/, '') };
}

const preflight = (url: string, origin: string) =>
  fetch(`${url}/api/trips/t-1`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

describe('local host CORS from Host.CORS, as func start does', () => {
  describe('with a listed origin', () => {
    let running: { host: LocalHost; url: string };
    beforeAll(async () => {
      running = await startHost({ CORS: `${APP_ORIGIN}, https://app.example`, CORSCredentials: true });
    });
    afterAll(async () => running?.host.stop());

    it('answers a preflight from an allowed origin with 204 and the requested method and headers', async () => {
      const res = await preflight(running.url, APP_ORIGIN);
      expect(res.status).toBe(204);
      expect(Object.fromEntries(res.headers)).toMatchObject({
        'access-control-allow-origin': APP_ORIGIN,
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'authorization,content-type',
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      });
    });

    it('adds Access-Control-Allow-Origin to the function response for an allowed origin', async () => {
      const res = await fetch(`${running.url}/api/trips/t-1`, { headers: { origin: APP_ORIGIN } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(res.headers.get('content-type')).toBe('application/json');
    });

    it('gives an origin that is not listed no CORS headers (the browser then blocks it)', async () => {
      const pre = await preflight(running.url, 'https://evil.example');
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      const res = await fetch(`${running.url}/api/trips/t-1`, {
        headers: { origin: 'https://evil.example' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('with CORS "*" and no credentials', () => {
    let running: { host: LocalHost; url: string };
    beforeAll(async () => {
      running = await startHost({ CORS: '*' });
    });
    afterAll(async () => running?.host.stop());

    it('allows any origin with a literal *', async () => {
      const res = await preflight(running.url, 'https://any.example');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    });
  });

  describe('without Host.CORS', () => {
    let running: { host: LocalHost; url: string };
    beforeAll(async () => {
      running = await startHost({});
    });
    afterAll(async () => running?.host.stop());

    it('adds no CORS headers and routes OPTIONS like any other method (404 here)', async () => {
      const res = await preflight(running.url, APP_ORIGIN);
      expect(res.status).toBe(404);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
