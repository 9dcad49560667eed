import '../shared/http/enableHttpStream.js';

import { app, type InvocationContext } from '@azure/functions';

import { getAppContext } from '../shared/app/appContextHolder.js';
import { traceJobDelivery } from '../shared/telemetry/jobTrace.js';

/**
 * The itinerary worker: one body, two triggers. In Azure the jobs arrive on Service Bus (max delivery 3,
 * then the dead-letter queue); locally, without a Service Bus connection, on an Azure Storage queue
 * (max dequeue 5 from host.json, then `<queue>-poison`). The choice is made from the app settings at
 * start-up, exactly as the host resolves the trigger's `connection`.
 */
const SERVICE_BUS_MAX_DELIVERY = 3; // infra/bicep: queue maxDeliveryCount
const STORAGE_MAX_DEQUEUE = 5; // host.json extensions.queues.maxDequeueCount
const useServiceBus = Boolean(
  process.env.ServiceBusConnection || process.env.ServiceBusConnection__fullyQualifiedNamespace,
);

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

async function handleDeadLetter(message: unknown, context: InvocationContext): Promise<void> {
  const ctx = await getAppContext();
  const meta = context.triggerMetadata ?? {};
  const reason = String(
    meta.deadLetterReason ?? (useServiceBus ? 'dead-lettered' : 'poison: retries exhausted'),
  );
  await ctx.worker.deadLettered(message, reason);
}

if (useServiceBus) {
  app.serviceBusQueue('itinerary-worker', {
    connection: 'ServiceBusConnection',
    queueName: '%ITINERARY_QUEUE_NAME%',
    handler: handleJob,
  });
  app.serviceBusQueue('itinerary-dead-letters', {
    connection: 'ServiceBusConnection',
    queueName: '%ITINERARY_QUEUE_NAME%/$DeadLetterQueue',
    handler: handleDeadLetter,
  });
} else {
  // No poison-queue trigger: it would consume the messages. The sweeper below peeks them instead.
  app.storageQueue('itinerary-worker', {
    connection: 'AzureWebJobsStorage',
    queueName: '%ITINERARY_QUEUE_NAME%',
    handler: handleJob,
  });
}

/** Ends jobs whose messages were poisoned, expired or whose worker died hard (see JobSweeper). */
app.timer('itinerary-job-sweeper', {
  schedule: '0 */5 * * * *',
  runOnStartup: false,
  handler: async (_timer, context) => {
    const ctx = await getAppContext();
    const result = await ctx.jobSweeper.sweep();
    context.log(`job sweeper: ${JSON.stringify(result)}`);
  },
});
