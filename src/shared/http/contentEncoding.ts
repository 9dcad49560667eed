import Negotiator from 'negotiator';

export type ContentCoding = 'br' | 'gzip';

const AVAILABLE = ['br', 'gzip', 'identity'];

/** What negotiator 1.x accepts; its published types (0.6) lack the `preferred` tie-breaker. */
type EncodingNegotiator = {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
};

/**
 * The content coding to answer with for an `Accept-Encoding` header (RFC 9110 §12.5.3, q-values and
 * `identity;q=0` included): Brotli, then gzip, when the client weighs them alike; none when absent.
 */
export function preferredEncoding(acceptEncoding: string | null | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  const chosen = (negotiator as unknown as EncodingNegotiator).encoding(AVAILABLE, { preferred: AVAILABLE });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}
