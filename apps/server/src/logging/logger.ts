import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Injection token of the process' pino logger. */
export const LOGGER = Symbol('LOGGER');

/** Structured JSON logs on stdout; tokens never appear in them (they are redacted if ever logged). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'quire-server' },
    redact: { paths: ['token', '*.token', 'req.query.token', 'headers.cookie', 'headers.authorization'], censor: '[redacted]' },
  });
}

/** Lets Nest's own messages go through pino, in the same format as Quire's. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
