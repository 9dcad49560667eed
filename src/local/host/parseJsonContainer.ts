/**
 * Message text the way the Functions host hands it to the worker: a JSON object or array becomes that
 * value; anything else (plain text, or text that only looks like JSON) stays the text.
 */
export function parseJsonContainer(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}
