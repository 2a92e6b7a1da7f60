import type { UploadProgress } from '../../../lib/api/files';
import type { LiveMap } from './live-map';

/** An upload this page is sending, as its placeholder shows it. */
export interface UploadStatus extends UploadProgress {
  name: string;
}

/** What the document's node views need from the page, outside React. */
export interface MediaContext {
  /** Where the browser loads a document file from (the server, a guest's token), or null. */
  fileUrl: (src: string) => string | null;
  /** This page's uploads by id (`upload:<id>` placeholders): others' show without progress. */
  uploads: LiveMap<UploadStatus>;
  /** The document's members' current names by user id, for mentions. */
  people: LiveMap<string>;
}

/** Bytes as people read them: 812 B, 14 KB, 3.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
