import { z } from 'zod';

import { openingPeriodSchema } from '../../shared/domain/place.js';
import type { SandboxDataset } from './dataset/SandboxDataset.js';
import { SANDBOX_NOTICE } from './dataset/SandboxPlace.js';
import type { FaultController } from './faults/FaultController.js';
import { INVALID_JSON, json, type SandboxRequest, type SandboxResponse } from './sandboxHttp.js';
import type { SandboxStats } from './SandboxStats.js';

const placePatchSchema = z
  .object({
    openingHours: z.array(openingPeriodSchema).nullable().optional(),
    rating: z.number().min(0).max(5).optional(),
    ratingCount: z.number().int().min(0).optional(),
    priceLevel: z.number().int().min(0).max(4).nullable().optional(),
    phone: z.string().nullable().optional(),
  })
  .strict();

export interface ControlState {
  faults: FaultController;
  stats: SandboxStats;
  dataset: SandboxDataset;
}

const problem = (status: number, message: string, issues?: unknown) =>
  json(status, { error: message, ...(issues === undefined ? {} : { issues }) });

/**
 * The sandbox's own API under `/__sandbox/` (never counted, never faulted, no key), so a sandbox
 * started in another process can be driven over HTTP:
 * - `POST /__sandbox/faults` a rule or an array of rules → 201 `{ids}`; `GET` lists; `DELETE` clears;
 *   `DELETE /__sandbox/faults/{id}` removes one;
 * - `GET /__sandbox/stats`, `DELETE /__sandbox/stats`;
 * - `GET|POST /__sandbox/places/{id}` reads or patches a place (e.g. its opening hours);
 * - `POST /__sandbox/reset` clears faults, stats and place patches.
 */
export function controlRoute(req: SandboxRequest, state: ControlState): SandboxResponse {
  const path = req.url.pathname;
  const { method } = req;
  if (path === '/__sandbox/faults') {
    if (method === 'GET') return json(200, { faults: state.faults.list() });
    if (method === 'DELETE') {
      state.faults.clear();
      return { status: 204, body: '' };
    }
    if (method === 'POST') {
      if (req.body === INVALID_JSON || req.body === undefined)
        return problem(400, 'a JSON fault rule (or array of rules) is required');
      const rules = Array.isArray(req.body) ? req.body : [req.body];
      try {
        return json(201, { ids: rules.map((rule) => state.faults.add(rule)) });
      } catch (error) {
        return problem(400, 'invalid fault rule', error instanceof z.ZodError ? error.issues : String(error));
      }
    }
  }
  const faultId = /^\/__sandbox\/faults\/([\w-]+)$/.exec(path)?.[1];
  if (faultId && method === 'DELETE') {
    return state.faults.remove(faultId) ? { status: 204, body: '' } : problem(404, `no fault ${faultId}`);
  }
  if (path === '/__sandbox/stats') {
    if (method === 'GET')
      return json(200, { requests: state.stats.requests(), byPath: state.stats.byPath() });
    if (method === 'DELETE') {
      state.stats.reset();
      return { status: 204, body: '' };
    }
  }
  const placeId = /^\/__sandbox\/places\/([\w:-]+)$/.exec(path)?.[1];
  if (placeId) {
    if (method === 'GET') {
      const place = state.dataset.find(placeId);
      return place ? json(200, place) : problem(404, `no place ${placeId}`);
    }
    if (method === 'POST' || method === 'PATCH') {
      const parsed = placePatchSchema.safeParse(req.body === INVALID_JSON ? undefined : req.body);
      if (!parsed.success) return problem(400, 'invalid place patch', parsed.error.issues);
      const place = state.dataset.patch(placeId, parsed.data);
      return place ? json(200, place) : problem(404, `no place ${placeId}`);
    }
  }
  if (path === '/__sandbox/reset' && method === 'POST') {
    state.faults.clear();
    state.stats.reset();
    state.dataset.reset();
    return { status: 204, body: '' };
  }
  if (path === '/__sandbox' || path === '/__sandbox/')
    return json(200, { notice: SANDBOX_NOTICE, places: state.dataset.all().length });
  return problem(404, `no sandbox control route ${method} ${path}`);
}
