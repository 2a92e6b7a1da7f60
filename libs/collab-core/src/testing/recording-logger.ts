import type { HubLogger } from '../logger';

/** One line a {@link RecordingLogger} received. */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

/** A `HubLogger` that keeps every line, for tests that check what was logged. */
export class RecordingLogger implements HubLogger {
  readonly lines: LogLine[] = [];

  debug(fields: object, message: string): void {
    this.record('debug', fields, message);
  }
  info(fields: object, message: string): void {
    this.record('info', fields, message);
  }
  warn(fields: object, message: string): void {
    this.record('warn', fields, message);
  }
  error(fields: object, message: string): void {
    this.record('error', fields, message);
  }

  /** Lines of one level. */
  at(level: LogLine['level']): LogLine[] {
    return this.lines.filter((line) => line.level === level);
  }

  private record(level: LogLine['level'], fields: object, message: string): void {
    this.lines.push({ level, fields: { ...fields } as Record<string, unknown>, message });
  }
}
