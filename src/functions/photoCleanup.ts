import { app } from '@azure/functions';

import { getAppContext } from '../shared/app/appContextHolder.js';
import { itineraryEditingFor } from '../shared/itinerary/itineraryEditingFor.js';

/** Every 30 minutes: photo uploads not confirmed within an hour are deleted, blob and record. */
app.timer('photo-cleanup', {
  schedule: '0 */30 * * * *',
  handler: async (_timer, context) => {
    const ctx = await getAppContext();
    const removed = await itineraryEditingFor(ctx).photos.cleanup();
    context.log(`photo cleanup: ${removed} unconfirmed upload(s) removed`);
  },
});
