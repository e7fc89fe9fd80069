import { json, route } from '@/lib/server/http';

/** Seed 001's health check. */
export const GET = route(async () => json({ ping: 'pong' }));
