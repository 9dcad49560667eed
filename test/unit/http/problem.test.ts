import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { AppError } from '../../../src/shared/errors/AppError.js';
import { parseOrThrow } from '../../../src/shared/errors/validationError.js';
import { problemResponse, toProblem } from '../../../src/shared/http/problem.js';

describe('problem+json mapping', () => {
  it('maps zod failures to 400 with every field path', () => {
    const schema = z.object({ members: z.array(z.object({ age: z.number().max(120) })), name: z.string() });
    let caught: unknown;
    try {
      parseOrThrow(schema, { members: [{ age: 130 }], name: 3 }, 'body');
    } catch (e) {
      caught = e;
    }
    expect(toProblem(caught, 't1')).toEqual({
      type: 'https://tripgen.dev/problems/validation-failed',
      title: 'The request is not valid',
      status: 400,
      code: 'validation_failed',
      detail: '2 field(s) failed validation',
      errors: [
        { path: 'body.members.0.age', message: expect.any(String) },
        { path: 'body.name', message: expect.any(String) },
      ],
      traceId: 't1',
    });
  });

  it.each([
    ['not_found', 404],
    ['precondition_failed', 412],
    ['payload_too_large', 413],
    ['unsupported_media_type', 415],
    ['upstream_bad_response', 502],
    ['upstream_unavailable', 503],
    ['upstream_timeout', 504],
  ] as const)('maps %s to %i', (code, status) => {
    const response = problemResponse(new AppError(code, 'x'), 'trace');
    expect(response.status).toBe(status);
    expect((response.headers as Record<string, string>)['content-type']).toBe('application/problem+json');
  });

  it('hides internals of unknown errors behind a traceId', () => {
    const problem = toProblem(new Error('db password=hunter2 at line 3'), 'abc123');
    expect(problem.status).toBe(500);
    expect(problem.code).toBe('internal');
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem.detail).toContain('abc123');
  });

  it('sets Retry-After for throttling errors', () => {
    const response = problemResponse(
      new AppError('rate_limited', 'slow down', { retryAfterSeconds: 2.2 }),
      't',
    );
    expect((response.headers as Record<string, string>)['retry-after']).toBe('3');
  });
});
