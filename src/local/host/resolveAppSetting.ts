/** The app settings the host reads: by default `process.env`, as in Azure. */
export type AppSettings = Readonly<Record<string, string | undefined>>;

/**
 * Resolve `%SettingName%` binding expressions (queue names, schedules) from app settings, as the
 * Functions host does. A missing setting is an error at start, not a silent literal.
 */
export function resolveAppSettingExpressions(value: string, settings: AppSettings, where: string): string {
  return value.replace(/%([^%]+)%/g, (_, name: string) => {
    const resolved = settings[name];
    if (resolved === undefined)
      throw new Error(`${where}: app setting "${name}" (from "${value}") is not set`);
    return resolved;
  });
}
