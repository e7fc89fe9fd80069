import { CompatApi } from '@/lib/server/api/compat';
import { handle } from '@/lib/server/platform/api-route';

/** Seed 001's health check. */
export const GET = handle(CompatApi.ping, async () => ({ ping: 'pong' as const }));
