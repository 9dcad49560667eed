import { HttpRequest, HttpResponse, type HttpResponseInit, InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppContext } from '../../../src/shared/app/AppContext.js';
import { setAppContext } from '../../../src/shared/app/appContextHolder.js';
import { ConfigError } from '../../../src/shared/config/ConfigError.js';
import { AppError } from '../../../src/shared/errors/AppError.js';
import { anonymous, authenticated } from '../../../src/shared/http/httpHandler.js';
import { json } from '../../../src/shared/http/responses.js';
import { testApp, tokenFor } from '../../support/testApp.js';

/**
 * The HTTP wrappers in-process: real `HttpRequest` and `InvocationContext` objects (as the Functions
 * library documents for tests) and a real AppContext on Azurite; no sockets, no host.
 */
describe('anonymous() and authenticated() in-process', () => {
  let app: AppContext;
  let logs: string[];

  beforeAll(async () => {
    ({ app, logs } = await testApp());
    setAppContext(app);
  });
  afterAll(async () => {
    setAppContext(undefined);
    await app.close();
  });

  const request = (init: Partial<ConstructorParameters<typeof HttpRequest>[0]> = {}) =>
    new HttpRequest({ method: 'GET', url: 'http://localhost/api/test', ...init });
  const invocation = () =>
    new InvocationContext({ invocationId: `inv-${Math.random()}`, functionName: 'test' });
  /** The body as a client would read it, whether the handler set `jsonBody` or a serialized `body`. */
  const bodyOf = async (response: HttpResponseInit) =>
    (await new HttpResponse(response).json()) as Record<string, unknown>;
  const header = (response: HttpResponseInit, name: string) =>
    new Headers(response.headers as ConstructorParameters<typeof Headers>[0]).get(name);

  it('runs the handler with the shared app and stamps the trace id', async () => {
    const context = invocation();
    const handler = anonymous(async (_request, scope) => json(200, { same: scope.app === app }));
    const response = await handler(request(), context);
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual({ same: true });
    expect(header(response, 'x-trace-id')).toBe(context.invocationId);
  });

  it('answers a user fault as its problem, without an error log', async () => {
    logs.length = 0;
    const handler = anonymous(async () => {
      throw new AppError('not_found', 'Trip not found', { detail: 'No such trip' });
    });
    const response = await handler(request(), invocation());
    expect(response.status).toBe(404);
    expect(header(response, 'content-type')).toBe('application/problem+json');
    expect(await bodyOf(response)).toMatchObject({ code: 'not_found', detail: 'No such trip' });
    expect(logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });

  it('answers a stray SyntaxError as a 500 and logs it with its cause, telling the client nothing', async () => {
    logs.length = 0;
    const context = invocation();
    const handler = anonymous(async () => JSON.parse('{"stored": tru') as HttpResponseInit);
    const response = await handler(request(), context);
    const body = await bodyOf(response);
    expect(response.status).toBe(500);
    expect(body).toMatchObject({ code: 'internal', traceId: context.invocationId });
    expect(JSON.stringify(body)).not.toContain('JSON');
    const logged = logs
      .filter((l) => l.includes('request failed'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'internal',
        traceId: context.invocationId,
        cause: expect.stringMatching(/^SyntaxError: /),
        stack: expect.stringContaining('SyntaxError'),
      }),
    ]);
  });

  it('rejects a request without a bearer token with 401 and WWW-Authenticate', async () => {
    let called = false;
    const handler = authenticated(async () => {
      called = true;
      return json(200, {});
    });
    const response = await handler(request(), invocation());
    expect(response.status).toBe(401);
    expect(header(response, 'www-authenticate')).toBe('Bearer');
    expect(called).toBe(false);
  });

  it('hands the verified caller to the handler', async () => {
    const handler = authenticated(async (_request, { principal }) => json(200, { user: principal.userId }));
    const token = await tokenFor('hana');
    const response = await handler(request({ headers: { authorization: `Bearer ${token}` } }), invocation());
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual({ user: 'hana' });
  });

  it('answers 500 config_invalid when the app cannot be built, and logs it through the context', async () => {
    setAppContext(Promise.reject(new ConfigError([{ setting: 'AUTH_JWKS_URI', message: 'is required' }])));
    const errors: unknown[] = [];
    const context = new InvocationContext({
      invocationId: 'inv-config',
      functionName: 'test',
      logHandler: (level, ...args) => void (level === 'error' && errors.push(...args)),
    });
    try {
      const response = await anonymous(async () => json(200, {}))(request(), context);
      expect(response.status).toBe(500);
      expect(await bodyOf(response)).toMatchObject({ code: 'config_invalid' });
      expect(String(errors[0])).toContain('AUTH_JWKS_URI');
    } finally {
      setAppContext(app);
    }
  });
});
