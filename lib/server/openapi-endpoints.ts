// Every public route, with the zod schema of its body: the one list the OpenAPI document is built from.
import type { z } from 'zod';
import { Seed000TrainBody } from '@/lib/schemas/compat';
import { PromoteInput, RollbackInput, StageInput } from '@/lib/schemas/models';
import { EvaluateRequest } from '@/lib/schemas/evaluation';
import { CreateWebhookInput } from '@/lib/schemas/alerts';
import { ImportPathInput, SnapshotLabelsRequest } from '@/lib/schemas/datasets';
import { DriftSnapshotRequest } from '@/lib/schemas/drift';
import { BacktestInput, MonitorSettingsInput, ThresholdsInput } from '@/lib/schemas/monitoring';
import { BulkLabelInput, LabelInput } from '@/lib/schemas/reviews';
import { IngestInput, ScoreEmailBatchInput, ScoreEmailInput, ScoreTransactionBatchInput, ScoreTransactionInput } from '@/lib/schemas/scoring';
import { FraudDetectionBody, PredictBody } from '@/lib/schemas/compat-scoring';
import { CreateTokenInput } from '@/lib/schemas/tokens';
import { ChangePasswordInput, CreateUserInput, UpdateUserInput } from '@/lib/schemas/users';
import { TrainRequest } from '@/lib/schemas/training';
import { EventTypeDefinitionInput, InferEventTypeInput } from '@/lib/schemas/event-types';
import { EventLabelInput, IngestEventsInput, ScoreEventsInput } from '@/lib/schemas/events';
import type { Scope } from './rbac';

export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  scope?: Scope;
  body?: z.ZodType;
  public?: boolean;
}

export const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/api/health', summary: 'Database and worker reachability', tag: 'System', public: true },
  { method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document', tag: 'System', public: true },
  { method: 'get', path: '/api/me', summary: "The caller's identity and role", tag: 'Auth' },
  { method: 'get', path: '/api/tokens', summary: 'List API tokens', tag: 'Auth', scope: 'tokens:manage' },
  { method: 'post', path: '/api/tokens', summary: 'Create an API token (its secret is returned once)', tag: 'Auth', scope: 'tokens:manage', body: CreateTokenInput },
  { method: 'delete', path: '/api/tokens/{id}', summary: 'Revoke an API token', tag: 'Auth', scope: 'tokens:manage' },
  { method: 'get', path: '/api/users', summary: 'List users with role, status, last sign-in and source', tag: 'Users', scope: 'users:manage' },
  { method: 'post', path: '/api/users', summary: 'Create a user (without a password, a temporary one is returned once)', tag: 'Users', scope: 'users:manage', body: CreateUserInput },
  { method: 'get', path: '/api/users/{id}', summary: 'A user', tag: 'Users', scope: 'users:manage' },
  { method: 'put', path: '/api/users/{id}', summary: 'Change name, role or disabled (disabling ends sessions and revokes their tokens; 409 for the last admin)', tag: 'Users', scope: 'users:manage', body: UpdateUserInput },
  { method: 'post', path: '/api/users/{id}/password-reset', summary: 'Reset a password: a temporary one is returned once and must be changed at sign-in', tag: 'Users', scope: 'users:manage' },
  { method: 'post', path: '/api/account/password', summary: 'Change your own password (signed-in people only; every session ends)', tag: 'Users', body: ChangePasswordInput },
  { method: 'get', path: '/api/audit', summary: 'Audit log, newest first (?action&actor&targetType&from&to&cursor&limit)', tag: 'Audit', scope: 'audit:read' },
  { method: 'get', path: '/api/audit/export', summary: 'The filtered audit log as CSV', tag: 'Audit', scope: 'audit:read' },
  { method: 'get', path: '/api/models', summary: 'Models grouped by kind, with production and best candidate', tag: 'Registry', scope: 'models:read' },
  { method: 'get', path: '/api/models/versions/{id}', summary: 'A model version with metrics, curves and audit history', tag: 'Registry', scope: 'models:read' },
  { method: 'post', path: '/api/models/versions/{id}/promote', summary: 'Promote to production (archives the previous one)', tag: 'Registry', scope: 'models:promote', body: PromoteInput },
  { method: 'post', path: '/api/models/versions/{id}/stage', summary: 'Move a version to candidate, shadow, production or archived', tag: 'Registry', scope: 'models:promote', body: StageInput },
  { method: 'post', path: '/api/models/rollback', summary: "Put a kind's (or an event type's) previous production version back", tag: 'Registry', scope: 'models:promote', body: RollbackInput },
  { method: 'get', path: '/api/models/compare', summary: 'Compare 2–4 versions (?ids=a,b)', tag: 'Registry', scope: 'models:read' },
  { method: 'post', path: '/api/models/evaluate', summary: 'Queue an evaluation of 2–4 versions on one common holdout (a dataset version or a period of labelled traffic); poll /api/jobs/{id}', tag: 'Registry', scope: 'models:train', body: EvaluateRequest },
  { method: 'post', path: '/api/training/jobs', summary: 'Queue a training job', tag: 'Training', scope: 'models:train', body: TrainRequest },
  { method: 'get', path: '/api/training/jobs/{id}', summary: 'A training job with progress', tag: 'Training', scope: 'jobs:read' },
  { method: 'get', path: '/api/jobs/{id}', summary: 'A job of any type: status, progress, result or error', tag: 'Training', scope: 'jobs:read' },
  { method: 'post', path: '/api/jobs/{id}/cancel', summary: 'Cancel a queued or running job', tag: 'Training', scope: 'jobs:write' },
  { method: 'get', path: '/api/datasets', summary: 'Datasets with their versions', tag: 'Datasets', scope: 'datasets:read' },
  { method: 'get', path: '/api/datasets/versions/{id}', summary: 'A dataset version: schema, statistics and 50 preview rows', tag: 'Datasets', scope: 'datasets:read' },
  { method: 'post', path: '/api/datasets/import', summary: 'Import a CSV body (text/csv, streamed) as a new version; ?name&kind&label[&timestamp&id&aggregate], or ?name&eventType&label for events of a type', tag: 'Datasets', scope: 'datasets:write' },
  { method: 'post', path: '/api/datasets/import-path', summary: 'Import a CSV file from a server path', tag: 'Datasets', scope: 'datasets:write', body: ImportPathInput },
  { method: 'post', path: '/api/datasets/preview', summary: 'Header, sample rows and column suggestions for a CSV body or a server path', tag: 'Datasets', scope: 'datasets:write' },
  { method: 'post', path: '/api/datasets/snapshot-labels', summary: 'Snapshot every labelled transaction ({kind}) or every labelled event of a type ({eventType}) as a new dataset version', tag: 'Datasets', scope: 'datasets:write', body: SnapshotLabelsRequest },
  { method: 'post', path: '/api/score/email', summary: 'Score one email address (band, reasons); save=true stores it', tag: 'Scoring', scope: 'score:test', body: ScoreEmailInput },
  { method: 'post', path: '/api/score/email/batch', summary: 'Score up to 1,000 addresses; errors per record', tag: 'Scoring', scope: 'score:test', body: ScoreEmailBatchInput },
  { method: 'post', path: '/api/score/transaction', summary: 'Score one Sparkov-shaped transaction with per-card velocity', tag: 'Scoring', scope: 'score:test', body: ScoreTransactionInput },
  { method: 'post', path: '/api/score/transaction/batch', summary: 'Score up to 1,000 transactions; errors per record', tag: 'Scoring', scope: 'score:test', body: ScoreTransactionBatchInput },
  { method: 'post', path: '/api/transactions', summary: 'Ingest up to 1,000 transactions: score, store, alert (idempotent on trans_num)', tag: 'Transactions', scope: 'transactions:ingest', body: IngestInput },
  { method: 'get', path: '/api/transactions/search', summary: 'Search and filter transactions (cursor paging)', tag: 'Transactions', scope: 'transactions:read' },
  { method: 'get', path: '/api/transactions/export', summary: 'The current filter as CSV', tag: 'Transactions', scope: 'transactions:read' },
  { method: 'get', path: '/api/transactions/{id}', summary: "A transaction with its reasons, payload and the card's recent history", tag: 'Transactions', scope: 'transactions:read' },
  { method: 'post', path: '/api/transactions/{id}/label', summary: 'Label fraud/legit (or null to undo) with optimistic concurrency (409 on conflict)', tag: 'Review', scope: 'review:label', body: LabelInput },
  { method: 'post', path: '/api/transactions/label', summary: 'Label many items; conflicts reported per item', tag: 'Review', scope: 'review:label', body: BulkLabelInput },
  { method: 'get', path: '/api/review/queue', summary: 'Unlabelled review and block items, highest risk first (?type=<event type> for its events)', tag: 'Review', scope: 'transactions:read' },
  { method: 'get', path: '/api/alerts', summary: 'Alerts (open, acknowledged or all)', tag: 'Alerts', scope: 'alerts:read' },
  { method: 'post', path: '/api/alerts/{id}/ack', summary: 'Acknowledge an alert', tag: 'Alerts', scope: 'alerts:ack' },
  { method: 'get', path: '/api/webhooks', summary: 'Webhooks and recent deliveries', tag: 'Alerts', scope: 'webhooks:manage' },
  { method: 'post', path: '/api/webhooks', summary: 'Add a webhook (its signing secret is returned once)', tag: 'Alerts', scope: 'webhooks:manage', body: CreateWebhookInput },
  { method: 'delete', path: '/api/webhooks/{id}', summary: 'Delete a webhook', tag: 'Alerts', scope: 'webhooks:manage' },
  { method: 'post', path: '/api/webhooks/deliveries/{id}/resend', summary: 'Re-send a failed delivery', tag: 'Alerts', scope: 'webhooks:manage' },
  { method: 'get', path: '/api/drift', summary: 'Drift snapshots over time for the serving versions (?kind&window, or ?eventType for an event type)', tag: 'Monitoring', scope: 'models:read' },
  { method: 'post', path: '/api/drift/snapshots', summary: 'Compute drift snapshots now', tag: 'Monitoring', scope: 'models:train', body: DriftSnapshotRequest },
  { method: 'get', path: '/api/monitoring/performance', summary: 'Labelled precision, recall, FPR and review rate per day (?kind, or ?eventType for an event type)', tag: 'Monitoring', scope: 'models:read' },
  { method: 'get', path: '/api/monitoring/shadow', summary: 'Champion versus challenger on the same traffic (?kind, or ?eventType for an event type)', tag: 'Monitoring', scope: 'models:read' },
  { method: 'get', path: '/api/monitoring/settings/{kind}', summary: 'Monitoring settings of a kind, or of an event type ({kind} = event:<type>)', tag: 'Monitoring', scope: 'models:read' },
  { method: 'put', path: '/api/monitoring/settings/{kind}', summary: 'Drift and performance thresholds, retraining trigger (of a kind, or {kind} = event:<type>)', tag: 'Monitoring', scope: 'thresholds:write', body: MonitorSettingsInput },
  { method: 'post', path: '/api/models/versions/{id}/backtest', summary: 'Replay labelled history through a version; metrics and a threshold sweep', tag: 'Monitoring', scope: 'models:read', body: BacktestInput },
  { method: 'put', path: '/api/models/versions/{id}/thresholds', summary: "Set a version's threshold and review/block band (audited)", tag: 'Monitoring', scope: 'thresholds:write', body: ThresholdsInput },
  { method: 'get', path: '/api/dead-letters', summary: 'Stream messages that could never be ingested, with the reason (?limit&cursor)', tag: 'Transactions', scope: 'deadletters:read' },
  { method: 'get', path: '/api/metrics', summary: 'Prometheus metrics', tag: 'System', scope: 'overview:read' },
  { method: 'get', path: '/api/event-types', summary: 'Event types with their current definitions (built-in presets included)', tag: 'Event types', scope: 'eventtypes:read' },
  { method: 'post', path: '/api/event-types', summary: 'Define an event type (version 1); 409 when the name is taken', tag: 'Event types', scope: 'eventtypes:write', body: EventTypeDefinitionInput },
  { method: 'get', path: '/api/event-types/{name}', summary: 'An event type with every version of its definition', tag: 'Event types', scope: 'eventtypes:read' },
  { method: 'put', path: '/api/event-types/{name}', summary: 'Edit an event type: the whole definition, stored as the next version (serving models keep theirs)', tag: 'Event types', scope: 'eventtypes:write', body: EventTypeDefinitionInput },
  { method: 'post', path: '/api/event-types/infer', summary: 'Suggest a definition (field types, id/time/amount fields, entities, aggregates) from the first part of a CSV', tag: 'Event types', scope: 'eventtypes:write', body: InferEventTypeInput },
  { method: 'post', path: '/api/score/{type}', summary: 'Score { event } or { events: ≤1,000 } of an event type without storing: probability, 0–99 score, decision, reasons, version', tag: 'Scoring', scope: 'score:test', body: ScoreEventsInput },
  { method: 'post', path: '/api/events/{ref}', summary: 'Ingest up to 1,000 events of the type named {ref}: aggregates, score, store (idempotent on the id field; all or nothing)', tag: 'Events', scope: 'transactions:ingest', body: IngestEventsInput },
  { method: 'get', path: '/api/events/{ref}', summary: 'The event with id {ref}, with its entities\' recent events (sensitive fields masked)', tag: 'Events', scope: 'transactions:read' },
  { method: 'get', path: '/api/events', summary: 'Events, newest first (?type&decision&label&from&to&entity=entity:key&q&limit&cursor)', tag: 'Events', scope: 'transactions:read' },
  { method: 'post', path: '/api/events/{ref}/label', summary: 'Label the event with id {ref} fraud or legit; a stale version is a 409', tag: 'Events', scope: 'review:label', body: EventLabelInput },
  { method: 'get', path: '/api/events/export', summary: "One type's events as CSV (?type plus the list's filters), sensitive fields masked", tag: 'Events', scope: 'transactions:read' },
  { method: 'post', path: '/prediction/single/{email}', summary: 'Seed 000: score an email → { task_id }', tag: 'Compatibility', scope: 'score:test' },
  { method: 'get', path: '/prediction/tasks/{id}', summary: 'Seed 000: → { proba, email }', tag: 'Compatibility', scope: 'score:test' },
  { method: 'get', path: '/ping', summary: 'Seed 001: health check', tag: 'Compatibility', public: true },
  { method: 'post', path: '/fraud_detection', summary: 'Seed 001: credit records → fraud probabilities (token optional unless VIGIL_COMPAT_AUTH=required)', tag: 'Compatibility', body: FraudDetectionBody },
  { method: 'post', path: '/predict', summary: 'Seed 004: events → per-user fake probability (token optional unless VIGIL_COMPAT_AUTH=required)', tag: 'Compatibility', body: PredictBody },
  { method: 'get', path: '/model/registry/all', summary: 'Seed 000: all email models', tag: 'Compatibility', scope: 'models:read' },
  { method: 'get', path: '/model/registry/{id}', summary: 'Seed 000: one email model', tag: 'Compatibility', scope: 'models:read' },
  { method: 'post', path: '/model/train', summary: 'Seed 000: train an email model', tag: 'Compatibility', scope: 'models:train', body: Seed000TrainBody },
  { method: 'get', path: '/model/tasks/{id}', summary: 'Seed 000: training task state or result', tag: 'Compatibility', scope: 'jobs:read' },
  { method: 'put', path: '/model/set_main/{id}', summary: 'Seed 000: make a model the main one', tag: 'Compatibility', scope: 'models:promote' },
];

