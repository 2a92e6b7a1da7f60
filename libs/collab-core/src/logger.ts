import { silentBusLogger, type BusLogger } from '@quire/bus';

/**
 * The logging the core needs; pino's `Logger` satisfies it. The same contract as the bus's, so
 * one logger serves both.
 */
export type HubLogger = BusLogger;

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: HubLogger = silentBusLogger;
