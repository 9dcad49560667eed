import type { Place } from '../../domain/place.js';
import type { MatrixCell, TravelMode } from '../../domain/route.js';
import type { PlanRequest, TravelMatrices } from '../../planner/planTypes.js';

/** The request narrowed to `places` (a subset of its own), its matrices re-indexed to match. */
export function subRequest(request: PlanRequest, places: readonly Place[]): PlanRequest {
  const at = new Map<string, number>();
  request.places.forEach((p, i) => {
    if (!at.has(p.id)) at.set(p.id, i + 1);
  });
  const source = [0, ...places.map((p) => at.get(p.id)!)];
  const matrices: TravelMatrices = {};
  for (const [mode, matrix] of Object.entries(request.matrices) as [TravelMode, MatrixCell[][]][])
    matrices[mode] = source.map((r) => source.map((c) => matrix[r]![c]!));
  return { trip: request.trip, places, matrices };
}
