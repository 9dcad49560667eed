import { app } from '@azure/functions';

import { getAppContext } from '../shared/app/appContextHolder.js';

/**
 * Timer functions that keep answers fast and true (docs/architecture.md#timers). Schedules are app settings (the host
 * resolves `%NAME%`); `runOnStartup` is read once at start-up and is false in production.
 */
const runOnStartup = process.env.WARMERS_RUN_ON_STARTUP === 'true' && process.env.APP_ENV !== 'production';

app.timer('popular-warmer', {
  schedule: '%WARMER_SCHEDULE%',
  runOnStartup,
  handler: async (timer, context) => {
    const ctx = await getAppContext();
    // One run per occurrence across instances, also where timers are not host singletons (local hosts).
    const report = await ctx.warmer.run(undefined, timer.scheduleStatus?.next);
    context.log(`popular warmer${timer.isPastDue ? ' (past due)' : ''}: ${JSON.stringify(report)}`);
  },
});

app.timer('upcoming-trip-verifier', {
  schedule: '%VERIFIER_SCHEDULE%',
  runOnStartup,
  handler: async (_timer, context) => {
    const ctx = await getAppContext();
    const report = await ctx.verifier.run();
    context.log(`upcoming-trip verifier: ${JSON.stringify(report)}`);
  },
});
