// POST to an already-checked target: the socket connects to the checked addresses (the lookup is pinned),
// TLS still verifies the host name, redirects are never followed and the receiver's body is never read.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { DeliveryErrorCategory } from '@/lib/schemas/alerts';
import { OutboundError, type OutboundTarget } from './outbound';

/** The category of a receiver's status code, or null for success (2xx). */
export function statusCategory(status: number): DeliveryErrorCategory | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return 'redirect_refused';
  if (status >= 400 && status < 500) return 'http_4xx';
  return 'http_5xx';
}

/** A socket or TLS error as a category: the message (which may quote the peer) is dropped. */
export function errorCategory(err: unknown): DeliveryErrorCategory {
  if (err instanceof OutboundError) return err.category;
  const e = err as { name?: string; code?: string; library?: string };
  const code = e?.code ?? '';
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError' || code === 'ABORT_ERR' || code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ENOTFOUND' || code.startsWith('EAI_')) return 'dns_failed';
  if (e?.library || /CERT|SSL|TLS|UNABLE_TO_(GET|VERIFY)/.test(code)) return 'tls_error';
  return 'connection_failed';
}

export interface PinnedPost { headers: Record<string, string>; body: string; timeoutMs: number }

/** Resolves with the status code whatever it is; rejects with an OutboundError carrying a category. */
export function postPinned(target: OutboundTarget, init: PinnedPost): Promise<{ status: number }> {
  const { url, addresses } = target;
  const lookup: LookupFunction = (_host, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    if (!usable.length) return callback(Object.assign(new Error('no checked address of that family'), { code: 'ENOTFOUND' }), '', 4);
    if (options.all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
    callback(null, usable[0].address, usable[0].family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
      lookup,
      agent: false, // no pooled sockets: every request connects to addresses checked for it
      signal: AbortSignal.timeout(init.timeoutMs),
    }, (res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.destroy(); // the receiver's answer is not read, stored or shown
    });
    req.on('error', (err) => reject(new OutboundError(errorCategory(err), 'delivery failed')));
    req.end(init.body);
  });
}
