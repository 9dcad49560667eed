/** Where the config's types live: both are inferred from the settings table, not written by hand. */
export type { AppConfig } from './appConfigSchema.js';
export type { SecretName } from './settingsSchema.js';
