// Every route declaration, in the order the API docs list them: the one list the OpenAPI document, the proxy's
// 405 answers and the route-coverage test read. During the move to declarations, routes not yet converted stay
// in the legacy list (openapi-endpoints.ts) and are added here unless a declaration already covers them.
import { ENDPOINTS as LEGACY } from '../openapi-endpoints';
import { AccessApi } from './access';
import { AlertsApi } from './alerts';
import { CompatApi } from './compat';
import { DatasetsApi } from './datasets';
import type { Endpoint } from './endpoint';
import { EventsApi } from './events';
import { JobsApi } from './jobs';
import { ModelsApi } from './models';
import { MonitoringApi } from './monitoring';
import { ScoringApi } from './scoring';
import { SystemApi } from './system';
import { TransactionsApi } from './transactions';

export type { Endpoint };

const GROUPS: Record<string, Endpoint>[] = [SystemApi, AccessApi, ModelsApi, JobsApi, DatasetsApi, ScoringApi, TransactionsApi, AlertsApi, MonitoringApi, EventsApi, CompatApi];

export const DECLARED: Endpoint[] = GROUPS.flatMap((g) => Object.values(g));

const key = (e: Pick<Endpoint, 'method' | 'path'>) => `${e.method} ${e.path}`;
const declaredKeys = new Set(DECLARED.map(key));

/** Old-pattern entries share the fields the document needs (method, path, summary, tag, scope|public, body). */
const LEGACY_ENDPOINTS = LEGACY as unknown as Endpoint[];

export const ENDPOINTS: Endpoint[] = DECLARED.concat(LEGACY_ENDPOINTS.filter((e) => !declaredKeys.has(key(e))));
