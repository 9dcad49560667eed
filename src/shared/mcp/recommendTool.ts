import { recommendationParamsSchema } from '../recommendations/recommendationParams.js';
import { recommendationsResultSchema } from '../recommendations/recommendationSchemas.js';
import { recommendationsFor } from '../recommendations/recommendationsFor.js';
import { defineTool } from './McpTool.js';

export const recommendPlacesTool = defineTool({
  name: 'recommend_places',
  title: 'Recommend places',
  description:
    "Places suited to a group near a point, ranked with the itinerary planner's own scoring: interests by kind " +
    '(comma-separated, Korean/English/Japanese), ages, mobility and notes (e.g. "vegetarian, no stairs") — places ' +
    'unsuitable for the group are never returned. Give date (and time) for the opening status. Each result has a ' +
    'reason in the asked language. Cached 2 h.',
  input: recommendationParamsSchema,
  output: recommendationsResultSchema,
  readOnly: true,
  run: (args, { app, signal }) => recommendationsFor(app, args, signal),
  render: (r) =>
    [`${r.recommendations.length} recommendation(s) (cache ${r.cache}):`]
      .concat(
        r.recommendations.map(
          (x) =>
            `- ${x.place.name} [${x.place.id}] ${x.opening.status}${x.opening.until ? ` until ${x.opening.until}` : ''}` +
            `${x.opening.opensAt ? ` opens ${x.opening.opensAt}` : ''} — ${x.reason}${x.notes.length ? ` (${x.notes.join(' ')})` : ''}`,
        ),
      )
      .join('\n'),
});
