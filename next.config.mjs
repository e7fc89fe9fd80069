/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'pino', 'bcryptjs'],
  // Types are checked once by `npm test` (tsc --noEmit); skipping it here keeps the first `npm start` fast.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
