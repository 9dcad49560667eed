import { createRequire } from 'node:module';

import { app, HttpResponse } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { installFunctionsCore } from '../../../src/local/host/core/installFunctionsCore.js';
import { toFunctionDefinition } from '../../../src/local/host/FunctionDefinition.js';
import { toSetCookieHeader } from '../../../src/local/host/http/toSetCookieHeader.js';
import { toFunctionHttpResponse } from '../../../src/local/host/http/writeFunctionResponse.js';

describe('the @azure/functions-core stand-in', () => {
  const registry = installFunctionsCore();

  it('is what require("@azure/functions-core") returns, once per process', () => {
    const require = createRequire(import.meta.url);
    const core = require('@azure/functions-core') as {
      registerFunction: unknown;
      log: unknown;
      Disposable: unknown;
    };
    expect(typeof core.registerFunction).toBe('function');
    expect(typeof core.log).toBe('function');
    expect(installFunctionsCore()).toBe(registry);
  });

  it("records @azure/functions' own registrations with full binding metadata", async () => {
    await registry.importOnce('inline-test', async () => {
      app.http('inlineHttp', {
        methods: ['PATCH'],
        route: 'things/{id}',
        authLevel: 'function',
        handler: async () => ({}),
      });
      app.storageQueue('inlineQueue', {
        queueName: 'jobs',
        connection: 'Storage',
        handler: async () => undefined,
      });
    });
    const [http, queue] = registry
      .registrations()
      .filter((r) => r.source === 'inline-test')
      .map(toFunctionDefinition);
    expect(http).toMatchObject({
      name: 'inlineHttp',
      kind: 'http',
      trigger: {
        type: 'httpTrigger',
        direction: 'in',
        route: 'things/{id}',
        methods: ['PATCH'],
        authLevel: 'function',
      },
    });
    expect(http!.options.return).toMatchObject({ type: 'http', name: '$return' });
    expect(queue).toMatchObject({
      kind: 'storageQueue',
      trigger: { type: 'queueTrigger', queueName: 'jobs', connection: 'Storage' },
    });
  });

  it('imports a source once per process and rejects duplicate function names', async () => {
    let loads = 0;
    await registry.importOnce('once', async () => void loads++);
    await registry.importOnce('once', async () => void loads++);
    expect(loads).toBe(1);
    expect(() => app.http('INLINEHTTP', { handler: async () => ({}) })).toThrow(/already been registered/);
  });

  it('throws a RangeError for unknown hooks, as the worker does', () => {
    expect(() => registry.registerHook('beforeEverything', () => undefined)).toThrow(RangeError);
  });
});

describe('HTTP response conversion', () => {
  it('follows the worker: HttpResponse as is, objects as HttpResponseInit, nothing as 204, scalars rejected', async () => {
    const ready = new HttpResponse({ status: 202 });
    expect(toFunctionHttpResponse(ready)).toBe(ready);
    const fromInit = toFunctionHttpResponse({ status: 201, jsonBody: { a: 1 } });
    expect([fromInit.status, fromInit.headers.get('content-type'), await fromInit.text()]).toEqual([
      201,
      'application/json',
      '{"a":1}',
    ]);
    expect(toFunctionHttpResponse(undefined).status).toBe(204);
    expect(() => toFunctionHttpResponse('hello')).toThrow(/must be an object/);
  });

  it('serializes cookies as Set-Cookie values', () => {
    expect(
      toSetCookieHeader({
        name: 'sid',
        value: 'a;b',
        domain: 'example.com',
        path: '/',
        expires: 0,
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
        maxAge: 90.7,
      }),
    ).toBe(
      'sid=a%3Bb; Max-Age=90; Domain=example.com; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict',
    );
  });
});
