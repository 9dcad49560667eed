import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { SETTINGS } from '../../../src/shared/config/settings.js';
import { localSettingsValues, renderSettingsTable } from '../../../src/shared/config/settingsDocs.js';

describe('settings documentation', () => {
  it('README lists every setting exactly as the schema (run `npm run docs` to update)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(renderSettingsTable());
    for (const s of SETTINGS) expect(readme).toContain(`\`${s.name}\``);
  });

  it('local.settings.sample.json matches the schema defaults (run `npm run docs` to update)', () => {
    const sample = JSON.parse(readFileSync('local.settings.sample.json', 'utf8')) as {
      Values: Record<string, string>;
    };
    expect(sample.Values).toEqual(localSettingsValues());
  });

  it('every local default passes its own schema', () => {
    for (const s of SETTINGS) {
      const value = s.localValue ?? s.default;
      if (value !== undefined) expect(s.schema.safeParse(value).success, s.name).toBe(true);
    }
  });
});
