/**
 * `baseUrl` + an absolute API path, keeping any path prefix of the base (a gateway or the sandbox
 * mounted under a prefix), which `new URL(path, base)` would drop.
 */
export function joinUrl(
  baseUrl: string,
  path: string,
  query?: Readonly<Record<string, string | undefined>>,
): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}
