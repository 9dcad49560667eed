/**
 * Every stable error code the app emits, with its HTTP status and whether retrying the same call
 * later may succeed. Clients branch on `code`; the status follows from it. A 5xx code is a system
 * fault (ours or an upstream's, logged with its cause); a 4xx code is the caller's (see `AppError.fault`).
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, transient: false, title: 'The request is not valid' },
  unauthorized: { status: 401, transient: false, title: 'Authentication is required' },
  not_found: { status: 404, transient: false, title: 'Not found' },
  conflict: { status: 409, transient: false, title: 'Conflict' },
  precondition_failed: { status: 412, transient: false, title: 'The resource has changed' },
  payload_too_large: { status: 413, transient: false, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, transient: false, title: 'Unsupported media type' },
  precondition_required: { status: 428, transient: false, title: 'If-Match is required' },
  /** Too many requests or open streams for this caller; `Retry-After` says when to try again. */
  rate_limited: { status: 429, transient: true, title: 'Too many requests' },
  /**
   * The request or the caller has spent its upstream-call or matrix-element allowance (issue #11);
   * `Retry-After` says when. Not transient inside the app: no retry, fallback or estimate answers it.
   */
  upstream_budget_exceeded: { status: 429, transient: false, title: 'Upstream cost limit reached' },
  /** The upstream answered with something we could not understand (malformed JSON, wrong shape). */
  upstream_bad_response: { status: 502, transient: true, title: 'The map provider sent a bad response' },
  /** The upstream rejected our own request or key: our fault, not the caller's, and not transient. */
  upstream_rejected: { status: 502, transient: false, title: 'The map provider rejected the request' },
  /** The upstream failed (5xx, reset) or is throttling us. */
  upstream_unavailable: { status: 503, transient: true, title: 'The map provider is unavailable' },
  upstream_quota_exceeded: { status: 503, transient: true, title: 'The map provider quota is exhausted' },
  /** The circuit breaker for the provider is open and no fallback could answer. */
  upstream_circuit_open: { status: 503, transient: true, title: 'The map provider is temporarily disabled' },
  upstream_timeout: { status: 504, transient: true, title: 'The map provider did not answer in time' },
  /** A route between the points does not exist (e.g. Kakao result_code 104/102/103). */
  no_route: { status: 422, transient: false, title: 'No route between these points' },
  /** An uploaded photo is missing, too large or not an image; it was deleted. */
  upload_rejected: { status: 422, transient: false, title: 'The upload was rejected' },
  dependency_unavailable: { status: 503, transient: true, title: 'A backing service is unavailable' },
  config_invalid: { status: 500, transient: false, title: 'The app is misconfigured' },
  internal: { status: 500, transient: false, title: 'Internal error' },
} as const satisfies Record<string, { status: number; transient: boolean; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
