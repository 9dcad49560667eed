import { type FunctionDefinition, triggerOption } from '../FunctionDefinition.js';
import { compileRouteTemplate, type RouteTemplate } from './RouteTemplate.js';

export interface HttpRoute {
  readonly definition: FunctionDefinition;
  readonly route: RouteTemplate;
  /** Upper-case methods; the trigger's default is GET and POST. */
  readonly methods: readonly string[];
  /** The path as the table prints it: `/api/trips/{tripId}`. */
  readonly path: string;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: HttpRoute; readonly params: Record<string, string> }
  /** The path exists for other methods only; the Functions host answers such requests with 404 too. */
  | { readonly kind: 'methodNotRouted'; readonly allowed: readonly string[] }
  | { readonly kind: 'notFound' };

function comparePrecedence(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Every HTTP-triggered function's route under the route prefix, ordered by route precedence. */
export class HttpRouteTable {
  readonly routes: readonly HttpRoute[];

  constructor(definitions: readonly FunctionDefinition[], routePrefix: string) {
    const prefix = routePrefix ? `/${routePrefix}` : '';
    const routes = definitions
      .filter((d) => d.kind === 'http')
      .map((definition): HttpRoute => {
        const template = (triggerOption(definition, 'route') ?? definition.name).replace(/^\/+|\/+$/g, '');
        const methodsOption = definition.trigger.methods;
        const methods =
          Array.isArray(methodsOption) && methodsOption.length > 0
            ? methodsOption.map((m) => String(m).toUpperCase())
            : ['GET', 'POST'];
        const path = `${prefix}/${template}`;
        try {
          return { definition, route: compileRouteTemplate(path), methods, path };
        } catch (error) {
          throw new Error(`Function "${definition.name}": ${(error as Error).message}`, { cause: error });
        }
      });
    this.routes = routes.sort((a, b) => comparePrecedence(a.route.precedence, b.route.precedence));
  }

  match(method: string, pathname: string): RouteMatch {
    const upper = method.toUpperCase();
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = route.route.match(pathname);
      if (!params) continue;
      if (route.methods.includes(upper)) return { kind: 'found', route, params };
      for (const m of route.methods) allowed.add(m);
    }
    return allowed.size > 0 ? { kind: 'methodNotRouted', allowed: [...allowed] } : { kind: 'notFound' };
  }
}
