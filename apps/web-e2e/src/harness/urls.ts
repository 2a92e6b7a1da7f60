import { inject } from 'vitest';
import type { QuireUrls } from './api';

/** The Quire the global setup started for every spec. */
export function sharedQuire(): QuireUrls {
  return { serverUrl: inject('serverUrl'), webUrl: inject('webUrl') };
}
