import { app, type InvocationContext } from '@azure/functions';

import { getAppContext } from '../shared/app/appContextHolder.js';
import { queueBackendFor } from '../shared/queue/queueBackend.js';
import { traceJobDelivery } from '../shared/telemetry/jobTrace.js';

/**
 * The itinerary worker: one body, two triggers. In Azure the jobs arrive on Service Bus (max delivery 3,
 * then the dead-letter queue); locally, without a Service Bus connection, on an Azure Storage queue
 * (max dequeue 5 from host.json, then `<queue>-poison`). `queueBackendFor` makes the choice from the app
 * settings, exactly as the host resolves the trigger's `connection`, and the sender uses the same decision
 * (loadConfig), which refuses a trigger connection that exists only in Key Vault.
 *
 * Neither the dead-letter nor the poison queue has a trigger: a trigger completes (removes) what it handles,
 * and those messages must stay for inspection. The sweeper below peeks both and fails their jobs.
 */
const SERVICE_BUS_MAX_DELIVERY = 3; // infra/bicep: queue maxDeliveryCount
const STORAGE_MAX_DEQUEUE = 5; // host.json extensions.queues.maxDequeueCount
const useServiceBus = queueBackendFor(process.env) === 'servicebus';

async function handleJob(message: unknown, context: InvocationContext): Promise<void> {
  const ctx = await getAppContext();
  const meta = context.triggerMetadata ?? {};
  const deliveryCount = Number(useServiceBus ? meta.deliveryCount : meta.dequeueCount) || 1;
  const outcome = await traceJobDelivery(message, meta, () =>
    ctx.worker.process(message, {
      deliveryCount,
      maxDeliveries: useServiceBus ? SERVICE_BUS_MAX_DELIVERY : STORAGE_MAX_DEQUEUE,
    }),
  );
  context.log(
    `job ${String((message as { jobId?: unknown })?.jobId)} ${outcome} (delivery ${deliveryCount})`,
  );
}

if (useServiceBus) {
  app.serviceBusQueue('itinerary-worker', {
    connection: 'ServiceBusConnection',
    queueName: '%ITINERARY_QUEUE_NAME%',
    handler: handleJob,
  });
} else {
  app.storageQueue('itinerary-worker', {
    connection: 'AzureWebJobsStorage',
    queueName: '%ITINERARY_QUEUE_NAME%',
    handler: handleJob,
  });
}

/**
 * Ends jobs whose messages were dead-lettered or poisoned (peeked, never removed) or expired, requeues jobs whose worker died (lease expired),
 * finishes interrupted trip deletes (see JobSweeper). Every minute, so a crash is recovered within one.
 */
app.timer('itinerary-job-sweeper', {
  schedule: '0 * * * * *',
  runOnStartup: false,
  handler: async (_timer, context) => {
    const ctx = await getAppContext();
    const result = await ctx.jobSweeper.sweep();
    context.log(`job sweeper: ${JSON.stringify(result)}`);
  },
});
