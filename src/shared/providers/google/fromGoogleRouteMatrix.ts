import type { MatrixCell } from '../../domain/route.js';
import { parseGoogleDuration } from './googleDuration.js';
import { googleNoDirectionsError } from './googleNoDirections.js';
import type { GoogleRouteMatrixElement } from './googleRoutesSchemas.js';

/**
 * `computeRouteMatrix` elements (any order, streamed) as rows[origin][destination]. A pair Google
 * cannot route (condition ≠ ROUTE_EXISTS or an element error) is `null`, for the caller to estimate.
 * When no pair at all has a route — Google's answer for DRIVE/WALK in Korea — this throws
 * `no_route` / google-no-directions so routing can fall back for the whole matrix.
 */
export function fromGoogleRouteMatrix(
  elements: readonly GoogleRouteMatrixElement[],
  size: Readonly<{ origins: number; destinations: number }>,
): (MatrixCell | null)[][] {
  const rows: (MatrixCell | null)[][] = Array.from({ length: size.origins }, () =>
    Array.from({ length: size.destinations }, () => null),
  );
  let routed = 0;
  for (const element of elements) {
    const row = rows[element.originIndex ?? 0];
    const destination = element.destinationIndex ?? 0;
    const failed = (element.status?.code ?? 0) !== 0 || element.condition !== 'ROUTE_EXISTS';
    if (!row || destination >= size.destinations || failed) continue;
    row[destination] = {
      distanceMeters: element.distanceMeters ?? 0,
      durationSeconds: Math.round(parseGoogleDuration(element.duration ?? '0s') ?? 0),
      estimated: false,
    };
    routed += 1;
  }
  if (routed === 0) throw googleNoDirectionsError('route for any origin/destination pair');
  return rows;
}
