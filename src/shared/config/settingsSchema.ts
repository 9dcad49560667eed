import { z } from 'zod';

import { SETTING_TABLE } from './settings.js';

type Spec = (typeof SETTING_TABLE)[number];

/** Every setting by name, parsed: defaulted settings are always present, the others may be absent. */
export type SettingValues = {
  readonly [S in Spec as S['name']]: S extends { readonly default: string }
    ? z.output<S['schema']>
    : z.output<S['schema']> | undefined;
};

/** Names of settings that are secrets and are read through `AppConfig.secrets`. */
export type SecretName = Extract<Spec, { readonly secret: true }>['name'];

const shape = Object.fromEntries(
  SETTING_TABLE.map((spec) => [spec.name, 'default' in spec ? spec.schema : spec.schema.optional()]),
);

/**
 * One zod object over the whole settings table, from the raw strings the environment (or Key Vault)
 * holds to typed values. The cast is the one place the table's entries become typed keys:
 * `Object.fromEntries` cannot carry them, and `SettingValues` derives them from the same table.
 */
export const settingsSchema = z.object(shape) as unknown as z.ZodType<
  SettingValues,
  Readonly<Record<string, string | undefined>>
>;
