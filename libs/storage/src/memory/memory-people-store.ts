import type { Role } from '@quire/api-contract';
import { checkLinkRole, emailKey, normalizeEmail } from '../directory-checks';
import { INVITATION_LIFETIME_MS, type DeletedAccount, type InvitationDetails, type NewInvitation, type PeopleStore, type ResetRequest, type StoredInvitation } from '../people-store';
import { noSuchHeir, noSuchInvitationTarget, refusedHeir, roleAfterInvitation } from '../people-rules';

/** What the memory "database" holds of people, with stand-ins for the accounts and documents they name. */
export interface MemoryPeopleData {
  readonly people: Map<string, { name: string; email: string }>;
  readonly documents: Map<string, { title: string; trashed: boolean; members: Map<string, Role> }>;
  readonly invitations: Map<string, StoredInvitation & { tokenDigest: string }>;
  readonly disabled: Map<string, Date>;
  readonly resetRequests: Map<string, ResetRequest>;
}

export function emptyPeopleData(): MemoryPeopleData {
  return { people: new Map(), documents: new Map(), invitations: new Map(), disabled: new Map(), resetRequests: new Map() };
}

/**
 * The {@link PeopleStore} of a {@link MemoryStorage}, with the SQL adapters' semantics. There are no
 * accounts in memory: {@link addPerson}, {@link addDocument} and {@link addMember} stand in for the
 * rows the SQL adapters read, {@link roleOf} and {@link hasDocument} for the directory's reads.
 */
export class MemoryPeopleStore implements PeopleStore {
  constructor(private readonly data: () => MemoryPeopleData) {}

  addPerson(id: string, name: string, email = `${id}@example.com`): void {
    this.data().people.set(id, { name, email: emailKey(email) });
  }

  addDocument(id: string, ownerId: string, title: string, trashed = false): void {
    this.data().documents.set(id, { title, trashed, members: new Map([[ownerId, 'owner']]) });
  }

  addMember(documentId: string, userId: string, role: Role): void {
    this.data().documents.get(documentId)?.members.set(userId, role);
  }

  trashDocument(id: string): void {
    const document = this.data().documents.get(id);
    if (document) document.trashed = true;
  }

  roleOf(documentId: string, userId: string): Role | undefined {
    return this.data().documents.get(documentId)?.members.get(userId);
  }

  hasDocument(id: string): boolean {
    return this.data().documents.has(id);
  }

  hasPerson(id: string): boolean {
    return this.data().people.has(id);
  }

  async createInvitation(invitation: NewInvitation): Promise<StoredInvitation> {
    checkLinkRole(invitation.role, 'invite');
    const email = normalizeEmail(invitation.email);
    const data = this.data();
    if (!data.documents.has(invitation.documentId) || !data.people.has(invitation.inviterId)) throw noSuchInvitationTarget();
    for (const [id, existing] of data.invitations) if (existing.email === email && existing.documentId === invitation.documentId) data.invitations.delete(id);
    const stored = {
      id: invitation.id,
      documentId: invitation.documentId,
      email,
      role: invitation.role,
      inviterId: invitation.inviterId,
      createdAt: invitation.now,
      expiresAt: new Date(invitation.now.getTime() + INVITATION_LIFETIME_MS),
    };
    data.invitations.set(invitation.id, { ...stored, tokenDigest: invitation.tokenDigest });
    return stored;
  }

  async listInvitations(documentId: string, now: Date): Promise<StoredInvitation[]> {
    return [...this.data().invitations.values()]
      .filter((invitation) => invitation.documentId === documentId && invitation.expiresAt > now)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map(withoutDigest);
  }

  async getInvitation(tokenDigest: string, now: Date): Promise<InvitationDetails | undefined> {
    const data = this.data();
    const found = [...data.invitations.values()].find((invitation) => invitation.tokenDigest === tokenDigest && invitation.expiresAt > now);
    const document = found && data.documents.get(found.documentId);
    if (!found || !document || document.trashed) return undefined;
    return { ...withoutDigest(found), documentTitle: document.title, inviterName: data.people.get(found.inviterId)?.name ?? '' };
  }

  async deleteInvitation(documentId: string, invitationId: string): Promise<boolean> {
    const data = this.data();
    if (data.invitations.get(invitationId)?.documentId !== documentId) return false;
    return data.invitations.delete(invitationId);
  }

  async acceptInvitations(email: string, userId: string, now: Date): Promise<{ documentId: string; role: Role }[]> {
    const data = this.data();
    const key = emailKey(email);
    const accepted: { documentId: string; role: Role }[] = [];
    for (const [id, invitation] of data.invitations) {
      if (invitation.email !== key) continue;
      data.invitations.delete(id);
      const document = data.documents.get(invitation.documentId);
      if (!document || invitation.expiresAt <= now) continue;
      const role = roleAfterInvitation(document.members.get(userId), invitation.role);
      document.members.set(userId, role);
      accepted.push({ documentId: invitation.documentId, role });
    }
    return accepted;
  }

  async disableUser(userId: string, now: Date): Promise<boolean> {
    const data = this.data();
    if (!data.people.has(userId) || data.disabled.has(userId)) return false;
    data.disabled.set(userId, now);
    return true;
  }

  async enableUser(userId: string): Promise<boolean> {
    return this.data().disabled.delete(userId);
  }

  async isDisabled(userId: string): Promise<boolean> {
    return this.data().disabled.has(userId);
  }

  async listDisabledUsers(): Promise<string[]> {
    return [...this.data().disabled.keys()].sort();
  }

  async deleteUser(userId: string, heirId: string | null): Promise<DeletedAccount | undefined> {
    refusedHeir(userId, heirId);
    const data = this.data();
    if (!data.people.has(userId)) return undefined;
    if (heirId !== null && !data.people.has(heirId)) throw noSuchHeir();
    const owned = [...data.documents].filter(([, document]) => document.members.get(userId) === 'owner').map(([id]) => id).sort();
    for (const id of owned) {
      if (heirId === null) data.documents.delete(id);
      else data.documents.get(id)?.members.set(heirId, 'owner');
    }
    for (const document of data.documents.values()) document.members.delete(userId);
    for (const [id, invitation] of data.invitations) if (invitation.inviterId === userId || !data.documents.has(invitation.documentId)) data.invitations.delete(id);
    data.disabled.delete(userId);
    data.people.delete(userId);
    return heirId === null ? { handedOver: [], deleted: owned } : { handedOver: owned, deleted: [] };
  }

  async recordResetRequest(request: { readonly id: string; readonly email: string; readonly now: Date }, keep: number): Promise<void> {
    const data = this.data();
    const email = emailKey(request.email);
    const existing = [...data.resetRequests.values()].find((candidate) => candidate.email === email);
    data.resetRequests.set(existing?.id ?? request.id, { id: existing?.id ?? request.id, email, requestedAt: request.now });
    for (const stale of (await this.listResetRequests()).slice(keep)) data.resetRequests.delete(stale.id);
  }

  async listResetRequests(): Promise<ResetRequest[]> {
    return [...this.data().resetRequests.values()].sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  async deleteResetRequest(id: string): Promise<boolean> {
    return this.data().resetRequests.delete(id);
  }
}

function withoutDigest(invitation: StoredInvitation & { tokenDigest: string }): StoredInvitation {
  const { tokenDigest: _digest, ...stored } = invitation;
  return stored;
}
