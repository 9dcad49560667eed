import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { type CorsSettings, corsSettingsFrom } from './http/CorsPolicy.js';

export interface LocalSettings {
  /** The file that was read, or undefined when neither exists. */
  readonly file: string | undefined;
  /** Setting names copied into the environment (those already set there were left alone). */
  readonly applied: readonly string[];
  /** `Host.LocalHttpPort`, as `func start` honours it. */
  readonly localHttpPort: number | undefined;
  /** `Host.CORS` / `Host.CORSCredentials`, as `func start` honours them. */
  readonly cors: CorsSettings | undefined;
}

interface LocalSettingsFile {
  IsEncrypted?: boolean;
  Values?: Record<string, unknown>;
  Host?: { LocalHttpPort?: unknown; CORS?: unknown; CORSCredentials?: unknown };
}

/**
 * Copy `Values` from `local.settings.json` (else `local.settings.sample.json`) into `env` the way Core
 * Tools does: as strings, never overriding a variable that is already set.
 */
export function loadLocalSettings(cwd: string, env: Record<string, string | undefined>): LocalSettings {
  const file = ['local.settings.json', 'local.settings.sample.json']
    .map((name) => path.join(cwd, name))
    .find((f) => existsSync(f));
  if (!file) return { file: undefined, applied: [], localHttpPort: undefined, cors: undefined };

  const parsed = JSON.parse(readFileSync(file, 'utf8')) as LocalSettingsFile;
  if (parsed.IsEncrypted)
    throw new Error(`${file} is encrypted; decrypt it with "func settings decrypt" first`);
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parsed.Values ?? {})) {
    if (env[name] !== undefined || value === null || value === undefined) continue;
    env[name] = typeof value === 'string' ? value : JSON.stringify(value);
    applied.push(name);
  }
  const port = Number(parsed.Host?.LocalHttpPort);
  return {
    file,
    applied,
    localHttpPort: Number.isInteger(port) && port > 0 ? port : undefined,
    cors: corsSettingsFrom(parsed.Host),
  };
}
