import type { TokenCredential } from '@azure/identity';

import { AzureOpenAiPlaceRanker } from '../ai/AzureOpenAiPlaceRanker.js';
import { createAzureOpenAiClient } from '../ai/createAzureOpenAiClient.js';
import type { AppConfig } from '../config/AppConfig.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import type { Logger } from '../telemetry/Logger.js';
import type { ItineraryGenerator } from './ItineraryGenerator.js';
import { placeServicesSource } from './placeServicesSource.js';
import { PlannerItineraryGenerator } from './PlannerItineraryGenerator.js';

export interface GeneratorDeps {
  config: AppConfig;
  places: PlaceServices;
  logger: Logger;
  getCredential: () => TokenCredential;
}

/** The production generator: places services as the source, Azure OpenAI ranking when configured. */
export function createItineraryGenerator(deps: Readonly<GeneratorDeps>): ItineraryGenerator {
  const { config } = deps;
  const ranker = config.openai.endpoint
    ? new AzureOpenAiPlaceRanker({
        client: createAzureOpenAiClient({
          endpoint: config.openai.endpoint,
          apiVersion: config.openai.apiVersion,
          deployment: config.openai.deployment,
          apiKey: config.secrets.get('AZURE_OPENAI_API_KEY'),
          credential: config.secrets.get('AZURE_OPENAI_API_KEY') ? undefined : deps.getCredential(),
          timeoutMs: config.openai.timeoutMs,
        }),
        deployment: config.openai.deployment,
        timeoutMs: config.openai.timeoutMs,
      })
    : undefined;
  return new PlannerItineraryGenerator({
    source: placeServicesSource(deps.places),
    ranker,
    logger: deps.logger,
    sampleData: config.providers.sandbox,
  });
}
