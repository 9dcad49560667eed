export interface ConfigIssue {
  setting: string;
  message: string;
}

/**
 * Every missing or invalid setting at once. The message names settings and says what is wrong;
 * it never contains a setting's value.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  - ${i.setting}: ${i.message}`).join('\n'),
    );
    this.issues = issues;
  }
}
