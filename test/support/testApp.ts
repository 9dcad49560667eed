import { inject } from 'vitest';

import { issueLocalToken } from '../../src/shared/auth/issueLocalToken.js';
import { localSettingsValues } from '../../src/shared/config/settingsDocs.js';
import { createLogger } from '../../src/shared/telemetry/Logger.js';
import { buildTestApp, type TestAppContext, type TestBuildOptions } from './buildTestApp.js';

export const TEST_SECRET = 'integration-test-secret-that-is-long-enough';

/** Settings for an app against the test Azurite (and Redis when wanted), with unique queue names. */
export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    // The same defaults local.settings.sample.json gives `func start` (e.g. %WARMER_SCHEDULE%).
    ...localSettingsValues(),
    APP_ENV: 'test',
    AzureWebJobsStorage: inject('storageConnectionString'),
    AUTH_LOCAL_SECRET: TEST_SECRET,
    ITINERARY_QUEUE_NAME: `jobs-${Math.random().toString(36).slice(2, 10)}`,
    LOG_LEVEL: 'error',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** A real AppContext on Azurite; logs collected instead of printed. */
export async function testApp(
  overrides: Record<string, string | undefined> = {},
  options: Partial<TestBuildOptions> = {},
): Promise<{ app: TestAppContext; logs: string[] }> {
  const logs: string[] = [];
  const logger = createLogger((_level, line) => logs.push(line), 'debug');
  const app = await buildTestApp(testEnv(overrides), { logger, ...options });
  return { app, logs };
}

export async function tokenFor(userId: string): Promise<string> {
  return issueLocalToken({
    secret: TEST_SECRET,
    issuer: 'tripgen-local',
    audience: 'tripgen-api',
    userId,
  });
}

/** A valid trip body (Seoul, 2 days, mixed group). */
export function sampleTrip(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Seoul with grandparents',
    destination: { name: 'Seoul', lat: 37.5665, lng: 126.978, countryCode: 'KR' },
    startDate: '2026-12-10',
    endDate: '2026-12-11',
    dailyStart: '09:00',
    dailyEnd: '20:00',
    accommodation: { name: 'Hotel near City Hall', lat: 37.5658, lng: 126.9751 },
    transport: { mode: 'transit' },
    members: [
      { name: 'Minji', age: 36, preferences: ['history', 'food'] },
      { name: 'Halmeoni', age: 72, health: { mobility: 'limited' }, preferences: ['palaces'] },
      { name: 'Jun', age: 7, preferences: ['parks'] },
    ],
    language: 'en',
    ...overrides,
  };
}
