// Structured JSON logs (pino) on stderr, so CLI output on stdout stays machine-readable.
import pino from 'pino';
import { env } from './env';

export const logger = pino({ level: env().LOG_LEVEL, base: { app: 'vigil' } }, pino.destination(2));

export const childLogger = (module: string) => logger.child({ module });
