import { DeleteUserBody, DisableUserBody, SignupSetting as SignupSettingBody } from '@quire/api-contract';
import type { AccessChange } from '@quire/bus';
import type { DeletedAccount, Directory, PeopleStore, ResetRequest, User } from '@quire/storage';
import { AuthError } from '../auth/auth-error';
import { parseBody } from '../auth/parse-body';
import { revokeApiTokens } from '../auth/password-reset';
import type { Principal } from '../auth/principal';
import { newId } from '../auth/secrets';
import type { SignupSetting } from './signup-setting';

/** How many reset requests are kept: the oldest go first, so a flood cannot grow the table. */
export const RESET_REQUESTS_KEPT = 200;

/** A document an account owns, as the deletion dialog lists it. */
export interface OwnedDocument {
  readonly id: string;
  readonly title: string;
  readonly trashed: boolean;
}

/**
 * The administrator's controls over accounts (docs/api.md, "Administration"): disabling, deleting,
 * turning sign-up on and off, and the password reset requests people leave on the sign-in page.
 */
export class AccountControlsService {
  constructor(
    private readonly store: Directory,
    private readonly people: PeopleStore,
    private readonly signup: SignupSetting,
    /** Pushes a committed access change to the sockets it affects (see AccessEvents). */
    private readonly accessChanged: (change: AccessChange) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every account, with whether it is disabled. */
  async listUsers(principal: Principal): Promise<(User & { disabled: boolean })[]> {
    requireAdmin(principal);
    const [users, disabled] = await Promise.all([this.store.listUsers(), this.people.listDisabledUsers()]);
    const off = new Set(disabled);
    return users.map((user) => ({ ...user, disabled: off.has(user.id) }));
  }

  /**
   * Disables an account, ending its sessions, API tokens and open sockets at once (every credential
   * check refuses a disabled account too), or enables it again.
   */
  async setDisabled(principal: Principal, userId: string, body: unknown): Promise<User & { disabled: boolean }> {
    const { disabled } = parseBody(DisableUserBody, body);
    const user = await this.target(principal, userId, disabled ? 'disable' : 'enable');
    if (disabled) {
      await this.people.disableUser(userId, new Date(this.now()));
      await this.store.deleteUserSessions(userId);
      await revokeApiTokens(this.store, userId);
      await this.accessChanged({ userId });
    } else {
      await this.people.enableUser(userId);
    }
    return { ...withoutPassword(user), disabled };
  }

  /** What deleting the account hands over or deletes: the documents it owns, trashed ones too. */
  async ownedDocuments(principal: Principal, userId: string): Promise<OwnedDocument[]> {
    requireAdmin(principal);
    if (!(await this.store.getUser(userId))) throw new AuthError(404, 'No such user');
    const [live, trashed] = await Promise.all([this.store.listMemberDocuments(userId), this.store.listTrash(userId)]);
    return [
      ...live.filter((document) => document.role === 'owner').map((document) => ({ id: document.id, title: document.title, trashed: false })),
      ...trashed.map((document) => ({ id: document.id, title: document.title, trashed: true })),
    ];
  }

  /** Deletes an account; its documents go to the heir, or are deleted for good when there is none. */
  async deleteUser(principal: Principal, userId: string, body: unknown): Promise<DeletedAccount> {
    const { heirId } = parseBody(DeleteUserBody, body);
    await this.target(principal, userId, 'delete');
    if (heirId === userId) throw new AuthError(400, 'The documents cannot go to the account being deleted: pick another owner');
    if (heirId !== null && !(await this.store.getUser(heirId))) throw new AuthError(404, 'No such account to hand the documents to');
    const result = await this.people.deleteUser(userId, heirId);
    if (!result) throw new AuthError(404, 'No such user');
    // Deleted documents: every instance closes their sockets and forgets them (their files' bytes
    // too); handed-over ones: the heir's open pages reconnect as the owner.
    for (const documentId of result.deleted) await this.accessChanged({ documentId, documentDeleted: true });
    for (const documentId of result.handedOver) await this.accessChanged({ documentId });
    await this.accessChanged({ userId });
    return result;
  }

  async signupAllowed(principal: Principal): Promise<boolean> {
    requireAdmin(principal);
    return this.signup.allowed();
  }

  async setSignupAllowed(principal: Principal, body: unknown): Promise<boolean> {
    requireAdmin(principal);
    const { allowSignup } = parseBody(SignupSettingBody, body);
    await this.signup.set(allowSignup);
    return allowSignup;
  }

  /** Records a request whether or not an account has the email, so the answer tells nothing. */
  async requestReset(email: string): Promise<void> {
    await this.people.recordResetRequest({ id: newId(), email, now: new Date(this.now()) }, RESET_REQUESTS_KEPT);
  }

  async resetRequests(principal: Principal): Promise<(ResetRequest & { user: { id: string; name: string } | null })[]> {
    requireAdmin(principal);
    const requests = await this.people.listResetRequests();
    return Promise.all(
      requests.map(async (request) => {
        const user = await this.store.getUserByEmail(request.email);
        return { ...request, user: user ? { id: user.id, name: user.name } : null };
      }),
    );
  }

  async dismissResetRequest(principal: Principal, id: string): Promise<void> {
    requireAdmin(principal);
    if (!(await this.people.deleteResetRequest(id))) throw new AuthError(404, 'No such request: it was dismissed already');
  }

  private async target(principal: Principal, userId: string, action: string): Promise<User> {
    requireAdmin(principal);
    if (userId === principal.user.id) throw new AuthError(400, `You cannot ${action} your own account`);
    const user = await this.store.getUser(userId);
    if (!user) throw new AuthError(404, 'No such user');
    return user;
  }
}

function requireAdmin(principal: Principal): void {
  if (!principal.user.isAdmin) throw new AuthError(403, 'Only the administrator can do this');
}

function withoutPassword(user: User): User {
  const { passwordHash: _omitted, ...plain } = user as User & { passwordHash?: string };
  return plain;
}
