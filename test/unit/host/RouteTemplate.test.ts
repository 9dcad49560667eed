import { describe, expect, it } from 'vitest';

import { compileRouteTemplate } from '../../../src/local/host/http/RouteTemplate.js';

describe('compileRouteTemplate', () => {
  it('matches literals case-insensitively and captures decoded parameters', () => {
    const route = compileRouteTemplate('/api/trips/{tripId}/itinerary/items/{itemId}');
    expect(route.match('/API/Trips/t%201/itinerary/items/i-2')).toEqual({ tripId: 't 1', itemId: 'i-2' });
    expect(route.match('/api/trips/t1/itinerary/items/i-2/')).toEqual({ tripId: 't1', itemId: 'i-2' });
    expect(route.match('/api/trips/t1/itinerary/items')).toBeUndefined();
    expect(route.match('/api/trips/t1/x/itinerary/items/i')).toBeUndefined();
  });

  it('supports optional parameters and defaults', () => {
    expect(compileRouteTemplate('/api/items/{name?}').match('/api/items')).toEqual({});
    expect(compileRouteTemplate('/api/items/{name?}').match('/api/items/bag')).toEqual({ name: 'bag' });
    expect(compileRouteTemplate('/api/pages/{page=1}').match('/api/pages')).toEqual({ page: '1' });
  });

  it('applies constraints, including ones with arguments', () => {
    const byInt = compileRouteTemplate('/api/echo/{id:int}');
    expect(byInt.match('/api/echo/42')).toEqual({ id: '42' });
    expect(byInt.match('/api/echo/forty')).toBeUndefined();
    expect(compileRouteTemplate('/c/{code:length(3)}').match('/c/abcd')).toBeUndefined();
    expect(compileRouteTemplate('/c/{code:alpha:length(3)}').match('/c/abc')).toEqual({ code: 'abc' });
    expect(compileRouteTemplate('/n/{n:range(1,5)}').match('/n/6')).toBeUndefined();
    expect(compileRouteTemplate('/r/{slug:regex(^[a-z]+-\\d+$)}').match('/r/trip-9')).toEqual({
      slug: 'trip-9',
    });
    expect(
      compileRouteTemplate('/g/{id:guid}').match('/g/3f2504e0-4f89-11d3-9a0c-0305e82c3301'),
    ).toBeDefined();
  });

  it('rejects an unknown constraint at compile time', () => {
    expect(() => compileRouteTemplate('/x/{id:banana}')).toThrow(/unknown route constraint "banana"/);
  });

  it('supports catch-all and multi-part segments', () => {
    expect(compileRouteTemplate('/files/{*path}').match('/files/a/b%20c/d.txt')).toEqual({
      path: 'a/b c/d.txt',
    });
    expect(compileRouteTemplate('/files/{*path}').match('/files')).toEqual({});
    expect(compileRouteTemplate('/img/{name}.{ext}').match('/img/logo.png')).toEqual({
      name: 'logo',
      ext: 'png',
    });
  });

  it('orders literal segments before parameters, and catch-alls last', () => {
    const literal = compileRouteTemplate('/api/places/search');
    const param = compileRouteTemplate('/api/places/{id}');
    const constrained = compileRouteTemplate('/api/places/{id:int}');
    const catchAll = compileRouteTemplate('/api/{*rest}');
    const sorted = [catchAll, param, literal, constrained].sort((a, b) => {
      for (let i = 0; i < 3; i++) {
        const diff = (a.precedence[i] ?? 0) - (b.precedence[i] ?? 0);
        if (diff !== 0) return diff;
      }
      return 0;
    });
    expect(sorted.map((r) => r.template)).toEqual([
      '/api/places/search',
      '/api/places/{id:int}',
      '/api/places/{id}',
      '/api/{*rest}',
    ]);
  });
});
