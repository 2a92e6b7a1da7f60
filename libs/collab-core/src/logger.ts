/** The logging the core needs; pino's `Logger` satisfies it. Fields first, message second. */
export interface HubLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: HubLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
