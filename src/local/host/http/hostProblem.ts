import type { ServerResponse } from 'node:http';

import type { ErrorCode } from '../../../shared/errors/errorCodes.js';

/** A problem the host itself answers (no function ran, or the function failed unhandled). */
export interface HostProblem {
  readonly status: number;
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string;
  readonly traceId: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Write an RFC 9457 `application/problem+json` body with the same `type`/`code` vocabulary as the
 * app's own error mapper, so clients see one error shape whichever layer answered.
 */
export function writeHostProblem(res: ServerResponse, problem: HostProblem): void {
  const body = JSON.stringify({
    type: `https://tripgen.dev/problems/${problem.code.replaceAll('_', '-')}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    detail: problem.detail,
    traceId: problem.traceId,
  });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(problem.status, {
    ...problem.headers,
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
