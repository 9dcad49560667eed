import { AppError, isAppError } from '../../errors/AppError.js';

/**
 * The `detail` of the `no_route` Google raises when it has no directions at all between two points.
 * In South Korea this is every DRIVE/WALK request (Google has no Korean road data for directions);
 * routing detects it at run time with {@link isGoogleNoDirections} and falls back to Kakao or an estimate.
 */
export const GOOGLE_NO_DIRECTIONS = 'google-no-directions';

export function googleNoDirectionsError(what: string): AppError {
  return new AppError('no_route', `google returned no ${what}`, {
    provider: 'google',
    detail: GOOGLE_NO_DIRECTIONS,
  });
}

/** Whether `error` is Google saying "no directions here" (as opposed to any other failure). */
export function isGoogleNoDirections(error: unknown): boolean {
  return isAppError(error) && error.code === 'no_route' && error.detail === GOOGLE_NO_DIRECTIONS;
}
