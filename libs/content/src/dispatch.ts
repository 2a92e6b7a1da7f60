/**
 * `@quire/content/dispatch`: what a process needs to hand conversions to the worker thread without
 * loading the converters themselves (libs/content README, "The worker entry").
 */
export { importFormatOf, IMPORT_FORMATS, type ImportFormat } from './formats';
export type { ConversionOutcome, ConversionTask } from './worker';
export { CONVERSION_WORKER_FILE } from './worker-file';
