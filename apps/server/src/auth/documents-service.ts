import { AddMemberBody, CreateDocumentBody, RenameDocumentBody, RoleBody, ROLE_RANK, type Role, type ShareRole } from '@quire/api-contract';
import type { MadeInvitation } from '../people/invitations-service';
import type { AccessChange } from '@quire/bus';
import { StorageError, type Directory, type ListedDocument, type Member, type MemberDocument, type ShareLink } from '@quire/storage';
import { AuthError, notFound } from './auth-error';
import { parseBody } from './parse-body';
import type { Principal } from './principal';
import { newId, type Secrets } from './secrets';

/** True when `role` allows at least what `needed` allows. */
export function roleAtLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** Documents as their members see them: lists, rename, delete, members and share links. */
export class DocumentsService {
  constructor(
    private readonly store: Directory,
    private readonly secrets: Secrets,
    private readonly newDocumentId: () => string,
    /** Pushes a committed access change to the sockets it affects (see AccessEvents). */
    private readonly accessChanged: (change: AccessChange) => Promise<void>,
    /** Invites an email no account has (InvitationsService); without it such an email is refused. */
    private readonly invite?: (principal: Principal, documentId: string, email: string, role: ShareRole) => Promise<MadeInvitation>,
  ) {}

  async list(principal: Principal): Promise<{ owned: MemberDocument[]; shared: MemberDocument[] }> {
    const all = await this.store.listMemberDocuments(principal.user.id);
    return { owned: all.filter((doc) => doc.role === 'owner'), shared: all.filter((doc) => doc.role !== 'owner') };
  }

  async create(principal: Principal, body: unknown): Promise<MemberDocument> {
    const { title, id } = parseBody(CreateDocumentBody, body);
    try {
      return await this.store.createOwnedDocument(id ?? this.newDocumentId(), principal.user.id, title || undefined);
    } catch (error) {
      // Says no more than that the id is taken: not whose, nor what it holds.
      if (error instanceof StorageError && error.code === 'document-exists') throw new AuthError(409, 'This id is taken: choose another, or leave it out and Quire picks one');
      throw error;
    }
  }

  /** The document if the caller may see it; 404 otherwise, so existence is not revealed. */
  async get(principal: Principal, id: string, needed: Role = 'viewer'): Promise<ListedDocument> {
    const doc = await this.store.getMemberDocument(id, principal.user.id);
    if (!doc) throw notFound();
    if (!roleAtLeast(doc.role, needed)) throw new AuthError(403, `Only ${needed === 'owner' ? 'the owner' : needed === 'commenter' ? 'people who may comment' : 'editors'} can do this`);
    return doc;
  }

  async rename(principal: Principal, id: string, body: unknown): Promise<MemberDocument> {
    const { title } = parseBody(RenameDocumentBody, body);
    await this.get(principal, id, 'editor');
    await this.store.renameDocument(id, title);
    return this.get(principal, id);
  }

  /** Moves a document to its owner's trash (apps/server/src/organizing, libs/storage README "Trash"). */
  async delete(principal: Principal, id: string): Promise<void> {
    await this.get(principal, id, 'owner');
    await this.store.trashDocument(id, new Date());
    // Gone for everyone but the trash: every instance closes its sockets and drops it from memory
    // now, as for a deletion; a restore loads it again from the store.
    await this.accessChanged({ documentId: id, documentDeleted: true });
  }

  async members(principal: Principal, id: string): Promise<Member[]> {
    await this.get(principal, id);
    return this.store.listMembers(id);
  }

  /** Adds the account with this email, or invites the email when no account has it. */
  async addMember(principal: Principal, id: string, body: unknown): Promise<Member | MadeInvitation> {
    const input = parseBody(AddMemberBody, body);
    await this.get(principal, id, 'owner');
    const user = await this.store.getUserByEmail(input.email);
    if (!user && this.invite) return this.invite(principal, id, input.email, input.role);
    if (!user) throw new AuthError(404, `No account has the email ${input.email}: ask them to sign up first`);
    if (user.id === principal.user.id) throw new AuthError(400, 'You own this document already');
    await this.store.setMember(id, user.id, input.role);
    // They may have been a member already, with open sockets under another role.
    await this.accessChanged({ documentId: id, userId: user.id });
    return this.member(id, user.id);
  }

  /**
   * Changes the role of one of the document's own members. Someone who reaches it only through a
   * folder is not one: 404, rather than a membership made on top, which could only raise their role
   * (the highest of the two counts) and would answer a role they do not have after a lowering.
   * Their role is the folder's to change; adding them (POST) makes them a member of their own.
   */
  async changeRole(principal: Principal, id: string, userId: string, body: unknown): Promise<Member> {
    const { role } = parseBody(RoleBody, body);
    await this.get(principal, id, 'owner');
    if (userId === principal.user.id) throw new AuthError(400, 'The owner keeps the owner role');
    const direct = (await this.store.listMembers(id)).some((member) => member.user.id === userId);
    if (!direct) {
      if ((await this.store.getRole(id, userId)) === undefined) throw new AuthError(404, 'No such member');
      throw new AuthError(404, 'Not a member of this document itself: they have access through a folder. Change their role on the folder, or add them to the document');
    }
    await this.store.setMember(id, userId, role);
    await this.accessChanged({ documentId: id, userId });
    return this.member(id, userId);
  }

  /** The owner removes a member, or a member leaves. */
  async removeMember(principal: Principal, id: string, userId: string): Promise<void> {
    const self = userId === principal.user.id;
    const doc = await this.get(principal, id, self ? 'viewer' : 'owner');
    if (self && doc.role === 'owner') throw new AuthError(400, 'The owner cannot leave; delete the document instead');
    if (!(await this.store.removeMember(id, userId))) throw new AuthError(404, 'No such member');
    await this.accessChanged({ documentId: id, userId });
  }

  async links(principal: Principal, id: string): Promise<ShareLink[]> {
    await this.get(principal, id, 'owner');
    return this.store.listLinks(id);
  }

  async createLink(principal: Principal, id: string, body: unknown): Promise<ShareLink> {
    const { role } = parseBody(RoleBody, body);
    await this.get(principal, id, 'owner');
    return this.store.createLink({ id: newId(), documentId: id, role, createdBy: principal.user.id });
  }

  async revokeLink(principal: Principal, id: string, linkId: string): Promise<void> {
    await this.get(principal, id, 'owner');
    if (!(await this.store.revokeLink(id, linkId))) throw new AuthError(404, 'No such link');
    await this.accessChanged({ documentId: id });
  }

  /** A working link from its token, with its document's title. */
  async resolveLink(token: string): Promise<{ link: ShareLink; title: string }> {
    const linkId = this.secrets.linkIdOf(token);
    const link = linkId ? await this.store.getLink(linkId) : undefined;
    if (!link || link.revokedAt) throw new AuthError(404, 'This link does not work any more: ask for a new one');
    const doc = await this.store.getMemberDocument(link.documentId, link.createdBy);
    return { link, title: doc?.title ?? '' };
  }

  /** A signed-in user opening a link becomes a member (a link never lowers their role). */
  async join(principal: Principal, token: string): Promise<{ documentId: string; role: Role }> {
    const { link } = await this.resolveLink(token);
    try {
      const role = await this.store.joinAsMember(link.documentId, principal.user.id, link.role);
      return { documentId: link.documentId, role };
    } catch (error) {
      if (error instanceof StorageError && error.code === 'no-such-document') throw notFound();
      throw error;
    }
  }

  linkToken(link: ShareLink): string {
    return this.secrets.linkToken(link.id);
  }

  private async member(id: string, userId: string): Promise<Member> {
    const member = (await this.store.listMembers(id)).find((candidate) => candidate.user.id === userId);
    if (!member) throw new AuthError(404, 'No such member');
    return member;
  }
}
