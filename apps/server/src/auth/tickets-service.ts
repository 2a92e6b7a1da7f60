import { GuestTicketBody, type TicketAnswer } from '@quire/api-contract';
import { CloseCode, GUEST_ID_PREFIX } from '@quire/constants';
import type { Directory } from '@quire/storage';
import { AuthError } from './auth-error';
import type { DocumentsService } from './documents-service';
import type { FileTokens } from './file-tokens';
import type { Grant, GrantCheck, RefusalCode } from './grant';
import { parseBody } from './parse-body';
import type { Principal } from './principal';
import { API_TOKEN_PREFIX, TICKET_PREFIX, type Secrets } from './secrets';

/** A ticket opens one connection within this long of being issued (unless `TICKET_LIFETIME_MS` says otherwise). */
export const TICKET_LIFETIME_MS = 60_000;

/** What the socket layer needs to accept a connection, or the close code to refuse it with. */
export type SocketDecision =
  | { readonly ok: true; readonly grant: Grant; readonly user: { readonly id: string; readonly name: string } }
  | { readonly ok: false; readonly code: RefusalCode; readonly message: string };

const refuse = (code: RefusalCode, message: string) => ({ ok: false as const, code, message });

/** Socket tickets: issued over HTTP to members and guests, taken once at the socket's upgrade. */
export class TicketsService {
  constructor(
    private readonly store: Directory,
    private readonly secrets: Secrets,
    private readonly documents: DocumentsService,
    private readonly documentExists: (id: string) => Promise<boolean>,
    /** The file tokens a guest's ticket carries, for the document's images and attachments. */
    private readonly fileTokens: FileTokens,
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs: number = TICKET_LIFETIME_MS,
    /** Disabled accounts' sockets are refused, and closed on the next re-check. */
    private readonly isDisabled: (userId: string) => Promise<boolean> = async () => false,
  ) {}

  async issue(principal: Principal, documentId: string): Promise<TicketAnswer> {
    const doc = await this.documents.get(principal, documentId);
    // A browser's ticket is tied to its session: signing out voids it and closes what it opened.
    const grant: Grant =
      principal.kind === 'token'
        ? { kind: 'token', id: principal.tokenId, documentId, userId: principal.user.id, role: doc.role }
        : { kind: 'session', id: principal.sessionDigest, documentId, userId: principal.user.id, role: doc.role };
    return this.save(grant, principal.user.name);
  }

  /**
   * A guest (no account) opening a viewer link, under a name of their choosing; with a file token,
   * since the guest has no session cookie for the document's images to be fetched with.
   */
  async issueGuest(linkToken: string, body: unknown): Promise<TicketAnswer> {
    const { name } = parseBody(GuestTicketBody, body);
    const { link } = await this.documents.resolveLink(linkToken);
    // A guest has no account to write under: editor and commenter links need one.
    if (link.role !== 'viewer') throw new AuthError(401, `This link lets people ${link.role === 'editor' ? 'edit' : 'comment'}: sign in or sign up to open it`);
    const grant: Grant = { kind: 'link', id: link.id, documentId: link.documentId, userId: null, role: 'viewer' };
    return { ...(await this.save(grant, name)), ...this.fileTokens.issue(link.id, link.documentId) };
  }

  /** Decides a socket upgrade from its `token` parameter: a ticket, or an API token. */
  async authorize(token: string | null, documentId: string): Promise<SocketDecision> {
    if (!token) return refuse(CloseCode.Unauthenticated, 'Sign in: connecting needs a ticket (POST /api/documents/<id>/tickets) or an API token');
    if (token.startsWith(API_TOKEN_PREFIX)) return this.authorizeApiToken(token, documentId);
    if (!token.startsWith(TICKET_PREFIX)) return refuse(CloseCode.Unauthenticated, 'Unknown token: use a ticket or an API token');
    const ticket = await this.store.consumeTicket(this.secrets.digest(token), new Date(this.now()));
    if (!ticket) return refuse(CloseCode.Unauthenticated, 'Ticket unknown, expired or already used: fetch a new one');
    if (ticket.documentId !== documentId) return refuse(CloseCode.Forbidden, 'This ticket is for another document');
    const grant: Grant = { kind: ticket.grantKind, id: ticket.grantId, documentId, userId: ticket.userId, role: ticket.role };
    const check = await this.recheck(grant);
    if (!check.ok) return check;
    return { ok: true, grant: { ...grant, role: check.role }, user: { id: ticket.userId ?? guestId(ticket.digest), name: ticket.name } };
  }

  /** Whether a grant still holds, and with which role; what the access watcher asks every few seconds. */
  async recheck(grant: Grant): Promise<GrantCheck> {
    if (!(await this.documentExists(grant.documentId))) return refuse(CloseCode.NotFound, 'No such document (it may have been deleted)');
    if (grant.kind === 'link') {
      const link = await this.store.getLink(grant.id);
      if (!link || link.revokedAt || link.documentId !== grant.documentId) return refuse(CloseCode.Forbidden, 'The share link was revoked');
      return { ok: true, role: link.role };
    }
    if (grant.kind === 'token' && !(await this.store.getApiToken(grant.id))) return refuse(CloseCode.Unauthenticated, 'The API token was revoked');
    if (grant.kind === 'session' && !(await this.store.getSession(grant.id, new Date(this.now())))) {
      return refuse(CloseCode.Unauthenticated, 'You signed out (or your session ended): sign in again');
    }
    // Disabling deletes the account's sessions and tokens too; this refuses it even before that lands.
    if (grant.userId && (await this.isDisabled(grant.userId))) return refuse(CloseCode.Unauthenticated, 'Your account was disabled: ask the administrator');
    const role = grant.userId ? await this.store.getRole(grant.documentId, grant.userId) : undefined;
    return role ? { ok: true, role } : refuse(CloseCode.Forbidden, 'You are not a member of this document (any more)');
  }

  private async authorizeApiToken(token: string, documentId: string): Promise<SocketDecision> {
    const info = await this.store.useApiToken(this.secrets.digest(token), new Date(this.now()));
    const user = info && (await this.store.getUser(info.userId));
    if (!info || !user || (await this.isDisabled(user.id))) return refuse(CloseCode.Unauthenticated, 'Unknown or revoked API token');
    const grant: Grant = { kind: 'token', id: info.id, documentId, userId: user.id, role: 'viewer' };
    const check = await this.recheck(grant);
    if (!check.ok) return check;
    return { ok: true, grant: { ...grant, role: check.role }, user: { id: user.id, name: user.name } };
  }

  private async save(grant: Grant, name: string): Promise<TicketAnswer> {
    const ticket = this.secrets.newTicket();
    const digest = this.secrets.digest(ticket);
    const user = { id: grant.userId ?? guestId(digest), name };
    const expiresAt = new Date(this.now() + this.lifetimeMs);
    await this.store.createTicket({
      digest,
      documentId: grant.documentId,
      userId: grant.userId,
      name,
      role: grant.role,
      grantKind: grant.kind,
      grantId: grant.id,
      expiresAt,
    });
    return { ticket, expiresAt: expiresAt.toISOString(), role: grant.role, documentId: grant.documentId, user };
  }
}


/** A guest has no account: their id in awareness comes from their ticket, the same at issue and at use. */
function guestId(ticketDigest: string): string {
  return `${GUEST_ID_PREFIX}${ticketDigest.slice(0, 16)}`;
}
