import type { SecurityEventView } from '@quire/api-contract';
import type { SecurityEvent } from '@quire/storage';

/** A security event as the administrator's page reads it (docs/api.md, "Security events"). */
export function toEventView(event: SecurityEvent): SecurityEventView {
  return {
    id: event.id,
    at: event.at.toISOString(),
    type: event.type,
    // An actor without a name is an account that no longer exists (or a guest's id).
    actor: event.actorId === null ? null : { id: event.actorId, name: event.actorName ?? 'unknown account' },
    address: event.address,
    documentId: event.documentId,
    subjectId: event.subjectId,
    details: event.details,
  };
}
