import type { ConnectionState } from './connection-status';

/** What the editor header says about saving: one state, from the connection and the acknowledgements. */
export type SaveStatusKind = 'saved' | 'saving' | 'offline' | 'unreachable' | 'connecting' | 'connected' | 'closed';

export interface SaveStatus {
  readonly kind: SaveStatusKind;
  /** The words in the header. */
  readonly label: string;
  /** What it means for the person's changes, in plain words (a tooltip and the accessible description). */
  readonly detail: string;
}

export interface SaveStatusOptions {
  /** The person may edit: viewers are told about the connection only. */
  readonly editing: boolean;
  /** Local copies are kept in this browser (IndexedDB): offline changes survive closing the tab. */
  readonly localCopies: boolean;
}

function changes(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`;
}

/**
 * The header's saving state. "Saved" only once the server has acknowledged storing every local
 * change (PROTOCOL.md, "Stored acknowledgements"), never merely after a socket write.
 */
export function saveStatus(state: ConnectionState, unsaved: number, { editing, localCopies }: SaveStatusOptions): SaveStatus {
  const { status } = state;
  const kept = localCopies
    ? 'Your changes are saved on this device and will be sent when the connection returns.'
    : 'Keep this tab open: your changes are kept here and sent when the connection returns.';
  switch (status.kind) {
    case 'closed':
      return {
        kind: 'closed',
        label: 'Disconnected',
        detail: unsaved > 0 ? `${changes(unsaved)} could not be sent to the server.` : 'The server closed this document.',
      };
    case 'offline':
      if (!editing) return { kind: 'offline', label: 'Offline', detail: 'You are offline. The document updates when you are back online.' };
      return {
        kind: 'offline',
        label: unsaved === 0 ? 'Offline — all changes saved' : `Offline — ${changes(unsaved)} ${localCopies ? 'saved on this device' : 'kept in this tab'}`,
        detail: kept,
      };
    case 'reconnecting':
      return { kind: 'unreachable', label: 'Can’t reach the server — retrying', detail: editing ? kept : 'The document updates when the connection returns.' };
    case 'connecting':
      return state.failedAttempts > 0
        ? { kind: 'unreachable', label: 'Can’t reach the server — retrying', detail: editing ? kept : 'Quire keeps trying by itself.' }
        : { kind: 'connecting', label: 'Connecting…', detail: 'Opening the document.' };
    case 'connected':
      if (!editing) return { kind: 'connected', label: 'Connected', detail: 'Changes by others appear as they are made.' };
      if (unsaved > 0) return { kind: 'saving', label: 'Saving…', detail: `${changes(unsaved)} not yet confirmed as stored by the server.` };
      if (!status.synced) return { kind: 'connecting', label: 'Connecting…', detail: 'Opening the document.' };
      return { kind: 'saved', label: 'Saved', detail: 'Every change is stored on the server.' };
  }
}
