import { ChangePasswordBody, CreateApiTokenBody, RenameAccountBody, SetupBody, SigninBody, SignupBody } from '@quire/api-contract';
import type { AccessChange } from '@quire/bus';
import { StorageError, type ApiTokenInfo, type Directory, type PeopleStore, type User } from '@quire/storage';
import { AuthError } from './auth-error';
import { LoginThrottle } from './login-throttle';
import { parseBody } from './parse-body';
import { setupCodeAttempts } from './setup-attempts';
import { resetPassword, revokeApiTokens } from './password-reset';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { API_TOKEN_PREFIX, newId, Secrets } from './secrets';
import { SetupCode } from './setup-code';
import type { AttemptLimit } from '../throttle/attempt-limit';
import { RateLimiters } from '../throttle/rate-limiters';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A session is extended when used and less than this much of its life is left. */
const SESSION_RENEW_MS = 29 * 24 * 60 * 60 * 1000;

/** A signed-in result: the user and the session secret for the cookie. */
export interface StartedSession {
  readonly user: User;
  readonly sessionToken: string;
}

export interface AccountsOptions {
  readonly store: Directory;
  readonly secrets: Secrets;
  readonly setupCode: SetupCode;
  /** Whether sign-up is on: the administrator's stored choice, else ALLOW_SIGNUP (SignupSetting). */
  readonly signupAllowed: () => Promise<boolean>;
  /** Disabled accounts: every credential check refuses them. */
  readonly people: Pick<PeopleStore, 'isDisabled'>;
  /** Invitations of emails with no account yet (InvitationsService). */
  readonly invitations: {
    /** Whether `token` is a working invitation for `email`: it lets that email sign up when sign-up is off. */
    admits(token: string, email: string): Promise<boolean>;
    /** Turns the email's pending invitations into memberships of the new account. */
    accept(email: string, userId: string): Promise<void>;
  };
  /** Pushes a committed access change to the sockets it affects (see AccessEvents). */
  readonly accessChanged: (change: AccessChange) => Promise<void>;
  /** Where the sign-in and setup-code counts live; default this process. */
  readonly limiters?: RateLimiters;
  readonly now?: () => number;
}

/** Accounts, sessions and API tokens: everything about who someone is. */
export class AccountsService {
  private readonly throttle: LoginThrottle;
  private readonly setupAttempts: AttemptLimit;
  private readonly store: Directory;
  private readonly secrets: Secrets;
  private readonly now: () => number;
  // Compared against when an email is unknown, so a wrong email costs as long as a wrong password.
  private readonly decoyHash = hashPassword('decoy password for unknown emails');

  constructor(private readonly options: AccountsOptions) {
    this.store = options.store;
    this.secrets = options.secrets;
    this.now = options.now ?? Date.now;
    const limiters = options.limiters ?? RateLimiters.inMemory();
    this.throttle = new LoginThrottle(limiters);
    this.setupAttempts = setupCodeAttempts(limiters);
  }

  allowSignup(): Promise<boolean> {
    return this.options.signupAllowed();
  }

  async setupNeeded(): Promise<boolean> {
    return (await this.store.countUsers()) === 0;
  }

  /** Creates the administrator with the one-time code from the log; wrong codes are counted per address. */
  async setup(body: unknown, address: string | undefined): Promise<StartedSession> {
    const input = parseBody(SetupBody, body);
    if (!(await this.setupNeeded())) throw new AuthError(409, 'This Quire is already set up; sign in instead');
    const key = address ?? 'unknown';
    const wait = await this.setupAttempts.waitMs(key);
    if (wait > 0) throw tooManyFailures('wrong setup codes', wait);
    if (!(await this.options.setupCode.matches(input.code))) {
      await this.setupAttempts.add(key);
      throw new AuthError(403, 'Wrong setup code: copy it from the line "Setup code: …" in the server log');
    }
    const user = await this.store.createFirstUser({
      id: newId(),
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isAdmin: true,
    });
    if (!user) throw new AuthError(409, 'This Quire is already set up; sign in instead');
    await this.options.setupCode.consume();
    return this.startSession(user);
  }

  async signup(body: unknown): Promise<StartedSession> {
    const input = parseBody(SignupBody, body);
    // An invitation link works for its own email even when sign-up is off.
    const invited = input.invite !== undefined && (await this.options.invitations.admits(input.invite, input.email));
    if (!invited && !(await this.options.signupAllowed())) {
      throw new AuthError(403, input.invite === undefined ? 'Sign-up is turned off on this Quire: ask its administrator for an account' : 'This invitation does not work for this email (or it was cancelled, used, or is older than 14 days), and sign-up is turned off: ask for a new invitation');
    }
    if (await this.setupNeeded()) throw new AuthError(403, 'This Quire is not set up yet: its administrator signs up first, at /setup');
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await this.store.createUser({ id: newId(), email: input.email, name: input.name, passwordHash, isAdmin: false });
      // Through the link or not: every pending invitation of this email becomes a membership.
      await this.options.invitations.accept(user.email, user.id);
      return await this.startSession(user);
    } catch (error) {
      if (error instanceof StorageError && error.code === 'conflict') {
        throw new AuthError(409, 'An account with this email exists: sign in instead');
      }
      throw error;
    }
  }

  async signin(body: unknown, address: string | undefined): Promise<StartedSession> {
    const input = parseBody(SigninBody, body);
    const wait = await this.throttle.retryAfterMs(input.email, address);
    if (wait > 0) throw tooManyFailures('failed sign-ins', wait);
    const user = await this.store.getUserByEmail(input.email);
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !ok) {
      await this.throttle.recordFailure(input.email, address);
      throw new AuthError(401, 'Wrong email or password');
    }
    await this.throttle.recordSuccess(input.email, address);
    if (await this.options.people.isDisabled(user.id)) throw new AuthError(403, 'This account is disabled: ask the administrator of this Quire');
    return this.startSession(user);
  }

  async signout(principal: Principal | undefined): Promise<void> {
    if (principal?.kind !== 'session') return;
    await this.store.deleteSession(principal.sessionDigest);
    // The sockets this session opened close, and its unused tickets no longer open any.
    await this.options.accessChanged({ userId: principal.user.id });
  }

  /** The user a session cookie or bearer token stands for, if it is valid. */
  async principalFrom(credentials: { session?: string; bearer?: string }): Promise<Principal | undefined> {
    if (credentials.bearer) {
      if (!credentials.bearer.startsWith(API_TOKEN_PREFIX)) return undefined;
      const token = await this.store.useApiToken(this.secrets.digest(credentials.bearer), new Date(this.now()));
      const user = token && (await this.store.getUser(token.userId));
      if (!user || (await this.options.people.isDisabled(user.id))) return undefined;
      return { kind: 'token', user, tokenId: token.id };
    }
    if (!credentials.session) return undefined;
    const digest = this.secrets.digest(credentials.session);
    const session = await this.store.getSession(digest, new Date(this.now()));
    const user = session && (await this.store.getUser(session.userId));
    if (!session || !user || (await this.options.people.isDisabled(user.id))) return undefined;
    if (session.expiresAt.getTime() - this.now() < SESSION_RENEW_MS) {
      await this.store.extendSession(digest, new Date(this.now() + SESSION_LIFETIME_MS));
    }
    return { kind: 'session', user, sessionDigest: digest };
  }

  async rename(principal: Principal, body: unknown): Promise<User> {
    const { name } = parseBody(RenameAccountBody, body);
    await this.store.updateUser(principal.user.id, { name });
    return { ...principal.user, name };
  }

  /** Changes the password, ends every other session of the user (and their sockets), and revokes their API tokens if asked. */
  async changePassword(principal: Principal, body: unknown): Promise<void> {
    const input = parseBody(ChangePasswordBody, body);
    const user = await this.store.getUser(principal.user.id);
    if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new AuthError(401, 'The current password is wrong');
    }
    await this.store.updateUser(user.id, { passwordHash: await hashPassword(input.newPassword) });
    await this.store.deleteUserSessions(user.id, principal.kind === 'session' ? principal.sessionDigest : undefined);
    if (input.revokeTokens) await revokeApiTokens(this.store, user.id);
    await this.options.accessChanged({ userId: user.id });
  }

  async listUsers(principal: Principal): Promise<User[]> {
    this.requireAdmin(principal);
    return this.store.listUsers();
  }

  /** An administrator sets a temporary password for a user and ends their sessions, sockets and API tokens. */
  async resetPassword(principal: Principal, userId: string): Promise<string> {
    this.requireAdmin(principal);
    const fresh = await resetPassword(this.store, userId);
    await this.options.accessChanged({ userId });
    return fresh;
  }

  async listTokens(principal: Principal): Promise<ApiTokenInfo[]> {
    return this.store.listApiTokens(principal.user.id);
  }

  async createToken(principal: Principal, body: unknown): Promise<{ info: ApiTokenInfo; token: string }> {
    const { name } = parseBody(CreateApiTokenBody, body);
    const token = this.secrets.newApiToken();
    const info = await this.store.createApiToken({ id: newId(), userId: principal.user.id, name, digest: this.secrets.digest(token) });
    return { info, token };
  }

  async deleteToken(principal: Principal, id: string): Promise<void> {
    if (!(await this.store.deleteApiToken(principal.user.id, id))) throw new AuthError(404, 'No such token');
    await this.options.accessChanged({ userId: principal.user.id });
  }

  private requireAdmin(principal: Principal): void {
    if (!principal.user.isAdmin) throw new AuthError(403, 'Only the administrator can do this');
  }

  private async startSession(user: User): Promise<StartedSession> {
    const sessionToken = this.secrets.newSessionToken();
    await this.store.createSession({
      digest: this.secrets.digest(sessionToken),
      userId: user.id,
      expiresAt: new Date(this.now() + SESSION_LIFETIME_MS),
    });
    const { passwordHash: _omitted, ...plain } = user as User & { passwordHash?: string };
    return { user: plain, sessionToken };
  }
}

/** A 429 that says how long to wait, in seconds under a minute and in minutes past it. */
function tooManyFailures(what: string, waitMs: number): AuthError {
  const seconds = Math.ceil(waitMs / 1000);
  const when = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AuthError(429, `Too many ${what}: try again in ${when}`, seconds);
}
