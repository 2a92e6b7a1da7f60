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

/**
 * Nest's own bookkeeping while it starts: every module initialized, every controller and route
 * mapped, "application successfully started". Some 45 lines at info would bury the server's own
 * "ready" line and the setup code; they are debug (`LOG_LEVEL=debug` shows them).
 */
const STARTUP_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

/** Lets Nest's own messages go through pino, in the same format as Quire's. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    if (context !== undefined && STARTUP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
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
