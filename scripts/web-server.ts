// The web process: Next's request handler inside Vigil's own HTTP server, so that every request carries
// the client's address (x-vigil-client-ip) computed from the socket, never from what the client claims.
// Listens on PORT on all interfaces, like `next start`. SIGTERM/SIGINT close it.
import http from 'node:http';
import { env } from '@/lib/server/platform/env';
import { CLIENT_IP_HEADER, clientAddress, parseTrustedProxies } from '@/lib/server/platform/client-address';

async function main() {
  (process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const { PORT: port, VIGIL_TRUSTED_PROXIES } = env();
  const trusted = parseTrustedProxies(VIGIL_TRUSTED_PROXIES);
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    delete req.headers[CLIENT_IP_HEADER];
    req.headers[CLIENT_IP_HEADER] = clientAddress({ peer: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], trusted });
    handle(req, res).catch((err: unknown) => {
      console.error('request failed', err);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal', message: 'Internal error; it has been logged.' } }));
      } else res.destroy();
    });
  });
  server.on('error', (err) => {
    console.error(`Vigil's web server could not listen on port ${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, () => console.log(`Web server listening on port ${port}`));

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref(); // open keep-alive or streaming responses
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

main().catch((err) => {
  console.error(`Vigil's web server failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
