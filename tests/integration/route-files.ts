// Every route handler file under app/, with the path Next serves it at, its exported methods and the
// declaration each handler was bound to (platform/api-route.ts attaches it).
import fs from 'node:fs';
import path from 'node:path';
import type { Endpoint } from '@/lib/server/api/endpoint';

const APP = path.resolve(import.meta.dirname, '../../app');
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Route files the endpoint list leaves out on purpose: next-auth's own handlers and the JSON 404 catch-all. */
export const UNLISTED_ROUTES = ['/api/auth/{nextauth}', '/api/{path}'];

export interface RouteFile { file: string; path: string }

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.join(dir, e.name)] : []));
}

/** app/api/transactions/[id]/route.ts → /api/transactions/{id}; route groups "(x)" vanish. */
export function routeFiles(): RouteFile[] {
  return walk(APP).map((file) => {
    const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    return { file, path: '/' + segments.map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, '{$1}')).join('/') };
  });
}

export async function exportedMethods(file: string): Promise<string[]> {
  return (await exportedHandlers(file)).map((h) => h.method);
}

/** An exported method and the declaration its handler was bound with (undefined for an old-style handler). */
export interface ExportedHandler { method: string; endpoint?: Endpoint }

export async function exportedHandlers(file: string): Promise<ExportedHandler[]> {
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  return HTTP_METHODS.filter((m) => typeof mod[m] === 'function').map((method) => ({ method, endpoint: (mod[method] as { endpoint?: Endpoint }).endpoint }));
}
