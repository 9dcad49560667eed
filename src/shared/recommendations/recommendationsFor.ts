import type { AppContext } from '../app/AppContext.js';
import { placeServicesSource } from '../pipeline/placeServicesSource.js';
import type { RecommendationParams } from './recommendationParams.js';
import { type Recommendations, RecommendationService } from './RecommendationService.js';

/** Recommendations over the app's cached, resilient place services (REST and MCP share this). */
export function recommendationsFor(
  app: Pick<AppContext, 'places' | 'cache'>,
  params: RecommendationParams,
  signal?: AbortSignal,
): Promise<Recommendations> {
  return new RecommendationService(placeServicesSource(app.places), app.cache).recommend(params, signal);
}
