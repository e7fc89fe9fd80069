// Every route declaration, in the order the API docs list them: the one list the OpenAPI document, the proxy's
// 405 answers and the route-coverage test read. A new route: declare it in its area's file and add nothing else.
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

/** Every endpoint; the route files bind their handlers to these same objects (platform/api-route.ts). */
export const ENDPOINTS: Endpoint[] = DECLARED;
