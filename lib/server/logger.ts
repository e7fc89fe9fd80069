// Structured JSON logs (pino). One logger; modules take a child with their name.
import pino from 'pino';
import { env } from './env';

export const logger = pino({ level: env().LOG_LEVEL, base: { app: 'vigil' } });

export const childLogger = (module: string) => logger.child({ module });
