// The training process: receives one TrainJobPayload over IPC, loads the dataset version, trains,
// and sends progress and the trained model back. It dies with its parent (IPC disconnect).
import { DataError, ParamError, trainModel } from '@/lib/ml/model';
import { loadDatasetTable } from '@/lib/server/datasets';
import { definitionOf } from '@/lib/server/events/event-types';
import { evalSetKey, type TrainJobPayload } from '@/lib/server/registry/training';

const send = (msg: unknown) => process.send?.(msg);
process.on('disconnect', () => process.exit(1));

process.once('message', async ({ request, eventType }: TrainJobPayload) => {
  try {
    send({ type: 'stage', message: 'loading dataset version' });
    // Typed columns, not row objects: a million-row version fits in a few hundred MB.
    const { table, version } = await loadDatasetTable(request.datasetVersionId);
    // Events train with the definition version the dataset was imported under, whatever the type is now.
    const definition = eventType ? (await definitionOf(eventType.name, eventType.version)).definition : undefined;
    const model = await trainModel(
      {
        kind: definition ? 'event' : request.kind,
        ...(definition ? { featureOptions: { eventType: definition } } : {}),
        rows: table,
        labelColumn: version.labelColumn,
        algorithm: request.algorithm,
        params: request.params,
        validFraction: request.validFraction,
        timestampColumn: request.timestampColumn ?? definition?.timeField ?? version.timeColumn ?? undefined,
        costFp: request.costFp,
        costFn: request.costFn,
        seed: request.seed,
      },
      {
        onProgress: (done, total) => send({ type: 'progress', done, total }),
        onStage: (message) => send({ type: 'stage', message }),
      },
    );
    send({ type: 'result', model, evalSetKey: evalSetKey(request) });
  } catch (err) {
    const permanent = err instanceof DataError || err instanceof ParamError || (err as Error)?.name === 'RowLimitError';
    send({ type: 'error', message: err instanceof Error ? err.message : String(err), permanent });
  }
});
