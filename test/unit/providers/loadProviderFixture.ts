import { readFileSync } from 'node:fs';

/** A raw provider response from `test/fixtures/providers/`, parsed as JSON. */
export function loadProviderFixture(relativePath: string): unknown {
  const url = new URL(`../../fixtures/providers/${relativePath}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}
