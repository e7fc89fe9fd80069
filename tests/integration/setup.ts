// Runs before each test file's imports: point every lib/server module at the run's database.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.LOG_LEVEL ??= 'warn';
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
