import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { AppError, describeCause } from '../../../src/shared/errors/AppError.js';
import { parseOrThrow } from '../../../src/shared/errors/validationError.js';
import { problemResponse, toAppError, toProblem } from '../../../src/shared/http/problem.js';

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

  it('treats a stray SyntaxError (corrupt stored JSON) as an internal system fault, not a 400', () => {
    let corrupt: unknown;
    try {
      JSON.parse('{"cached": tru');
    } catch (e) {
      corrupt = e;
    }
    const problem = toProblem(corrupt, 't');
    expect(problem).toMatchObject({ status: 500, code: 'internal' });
    expect(toAppError(corrupt)).toMatchObject({ fault: 'system', cause: corrupt });
  });

  it('says whose fault an error is: 4xx the caller, 5xx the system, unless stated', () => {
    expect(new AppError('not_found', 'x').fault).toBe('user');
    expect(new AppError('upstream_rejected', 'x').fault).toBe('system');
    expect(new AppError('validation_failed', 'x', { fault: 'system' }).fault).toBe('system');
  });

  it('describes the cause chain of a system fault for the log, innermost stack included', () => {
    const root = new SyntaxError('Unexpected end of JSON input');
    const error = new AppError('internal', 'x', { cause: new Error('cache read failed', { cause: root }) });
    expect(describeCause(error)).toEqual({
      cause: 'Error: cache read failed ← SyntaxError: Unexpected end of JSON input',
      stack: root.stack,
    });
    expect(describeCause(new AppError('not_found', 'x'))).toEqual({});
  });

  it('sets Retry-After for throttling errors', () => {
    const response = problemResponse(
      new AppError('upstream_quota_exceeded', 'slow down', { retryAfterSeconds: 2.2 }),
      't',
    );
    expect((response.headers as Record<string, string>)['retry-after']).toBe('3');
  });
});
