// Content-Security-Policy: Next's app router streams inline <script> tags for hydration. Nonces would make every
// page dynamic (no static or cached rendering), so scripts are limited to our own origin plus inline ones; the
// directives that matter most against injection and clickjacking (object-src, base-uri, form-action,
// frame-ancestors) stay strict. Dev mode also needs eval for React refresh.
const dev = process.env.NODE_ENV !== 'production';
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'", // React and recharts set style attributes
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'pino', 'bcryptjs'],
  // Types are checked once by `npm test` (tsc --noEmit); skipping it here keeps the first `npm start` fast.
  typescript: { ignoreBuildErrors: true },
  // forbidden() from next/navigation: pages a role may not open answer HTTP 403.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
