/**
 * Localization benchmark: `npm run bench:i18n`.
 *
 * Through the real PlaceLocalizer (Google via the sandbox, matched Kakao → Google, then the real
 * `@azure-rest/ai-translation-text` client against the sandbox Translator), with the TieredCache
 * (L1 only): five Seoul itineraries of 18 Kakao places each (seeded picks, so they share places),
 * read in each language twice. For every read: Translator calls (the sandbox's own count of
 * /translate + /transliterate requests), texts sent, and the translation cache hit ratio
 * (1 − texts loaded from Translator / texts asked for). "Cold" is the first itinerary on an empty
 * cache; "warming" the next four (they share some places); "warm" the second read of all five.
 */
import { startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import type { Place } from '../../../src/shared/domain/place.js';
import { AzureTranslator } from '../../../src/shared/i18n/AzureTranslator.js';
import { CachedTranslator } from '../../../src/shared/i18n/CachedTranslator.js';
import { placeServicesSources } from '../../../src/shared/i18n/PlaceLocalizationSources.js';
import { PlaceLocalizer } from '../../../src/shared/i18n/PlaceLocalizer.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';
import { sandboxPlaceServices } from '../../integration/places/sandboxPlaceServices.js';
import { printResults, type ResultRow } from '../places/printResults.js';
import { seededRandom } from '../places/zipfWorkload.js';

const SEED = 20_261_129;
const ITINERARIES = 5;
const PLACES_PER_ITINERARY = 18;
/** `en (no Google)`: Kakao places without a Google twin, so every name and address needs Translator. */
const SCENARIOS = [
  { language: 'en', google: true },
  { language: 'ja', google: true },
  { language: 'zh-Hans', google: true },
  { language: 'fr', google: true },
  { language: 'en', google: false },
] as const;

const sandbox = await startSandbox();
const random = seededRandom(SEED);
const seoul: Place[] = sandbox.places
  .all()
  .filter((p) => p.city === 'seoul')
  .map((p) => ({
    id: `kakao:${p.kakaoId}`,
    provider: 'kakao',
    name: p.name.ko,
    category: p.category,
    categories: [p.kakao.categoryName],
    location: p.location,
    address: p.address.ko,
  }));
const itineraries = Array.from({ length: ITINERARIES }, () =>
  [...seoul].sort(() => random() - 0.5).slice(0, PLACES_PER_ITINERARY),
);

console.log('== Localization benchmark (sandbox Google + sandbox Translator, L1 cache) ==');
console.log(
  `${ITINERARIES} Seoul itineraries × ${PLACES_PER_ITINERARY} Kakao places (seed ${SEED}), ${SCENARIOS.length} scenarios`,
);

const rows: ResultRow[] = [];
for (const { language, google } of SCENARIOS) {
  const label = google ? language : `${language} (no Google)`;
  // A fresh app per language: the cold figures start from an empty cache.
  const app = await sandboxPlaceServices(sandbox);
  const translator = new CachedTranslator({
    translator: new AzureTranslator({
      endpoint: sandbox.url,
      credential: { key: sandbox.translatorKey, region: 'bench' },
    }),
    cache: app.cache,
    metrics: app.metrics,
    policy: new ProviderPolicy({ name: 'translator', provider: 'translator', budgetMs: 3000 }),
  });
  const sources = placeServicesSources(app.places);
  const localizer = new PlaceLocalizer({
    sources: google ? sources : { ...sources, googleMatch: async () => undefined },
    cache: app.cache,
    translator,
  });
  const read = async (places: Place[]) => {
    sandbox.stats.reset();
    const asked = app.metrics.count('translation.texts');
    const loaded = app.metrics.count('translation.loaded');
    const { value, warnings } = await localizer.localize(places, language);
    const byPath = sandbox.stats.byPath();
    const calls = (byPath['/translate'] ?? 0) + (byPath['/transliterate'] ?? 0);
    const texts = app.metrics.count('translation.texts') - asked;
    const misses = app.metrics.count('translation.loaded') - loaded;
    const machine = value.filter(
      (p) => p.nameSource === 'translated' || p.nameSource === 'transliterated',
    ).length;
    return { calls, texts, misses, machine, warnings: warnings.length };
  };
  const cold = await read(itineraries[0]!);
  const warming = [];
  for (const places of itineraries.slice(1)) warming.push(await read(places));
  const warm = [];
  for (const places of itineraries) warm.push(await read(places));
  const sum = (list: { calls: number; texts: number; misses: number }[], key: 'calls' | 'texts' | 'misses') =>
    list.reduce((total, r) => total + r[key], 0);
  const ratio = (texts: number, misses: number) =>
    texts === 0 ? 'n/a' : `${(100 * (1 - misses / texts)).toFixed(1)}%`;
  rows.push(
    {
      figure: `${label}: cold itinerary`,
      measured: `${cold.calls} Translator calls, ${cold.texts} texts, hit ${ratio(cold.texts, cold.misses)}`,
      note: `${cold.machine}/${PLACES_PER_ITINERARY} names machine-made`,
    },
    {
      figure: `${label}: next ${ITINERARIES - 1} itineraries`,
      measured: `${(sum(warming, 'calls') / warming.length).toFixed(1)} calls/itinerary, hit ${ratio(sum(warming, 'texts'), sum(warming, 'misses'))}`,
    },
    {
      figure: `${label}: warm re-read (all ${ITINERARIES})`,
      measured: `${(sum(warm, 'calls') / warm.length).toFixed(1)} calls/itinerary, hit ${ratio(sum(warm, 'texts'), sum(warm, 'misses'))}`,
      target: '0 calls',
      pass: sum(warm, 'calls') === 0,
    },
  );
  await app.close();
}
printResults(rows);
await sandbox.close();
process.exit(rows.every((r) => r.pass !== false) ? 0 : 1);
