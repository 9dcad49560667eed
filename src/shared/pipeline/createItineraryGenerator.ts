import type { TokenCredential } from '@azure/identity';

import type { AppConfig } from '../config/AppConfig.js';
import { AppError } from '../errors/AppError.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import type { Logger } from '../telemetry/Logger.js';
import type { ItineraryGenerator } from './ItineraryGenerator.js';

export interface GeneratorDeps {
  config: AppConfig;
  places: PlaceServices;
  logger: Logger;
  getCredential: () => TokenCredential;
}

/** TEMPORARY until the planner's candidate gathering lands (same session): fails jobs permanently. */
export function createItineraryGenerator(_deps: Readonly<GeneratorDeps>): ItineraryGenerator {
  return {
    async generate() {
      throw new AppError('internal', 'planner not wired yet', { transient: false });
    },
  };
}
