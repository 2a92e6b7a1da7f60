import type { InvitationInfo, InvitationView } from '@quire/api-contract';
import type { InvitationDetails, StoredInvitation } from '@quire/storage';

export function toInvitationView(invitation: StoredInvitation): InvitationView {
  return { id: invitation.id, email: invitation.email, role: invitation.role, createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString() };
}

export function toInvitationInfo(invitation: InvitationDetails): InvitationInfo {
  return { documentId: invitation.documentId, email: invitation.email, documentTitle: invitation.documentTitle, inviterName: invitation.inviterName, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
}
