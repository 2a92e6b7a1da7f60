import { randomBytes } from 'node:crypto';
import type { ShareRole } from '@quire/api-contract';
import type { AccessChange } from '@quire/bus';
import type { InvitationDetails, PeopleStore, StoredInvitation } from '@quire/storage';
import { AuthError } from '../auth/auth-error';
import type { Principal } from '../auth/principal';
import { newId, type Secrets } from '../auth/secrets';

/** Prefix of an invitation's secret token, as `qt_` is of an API token. */
export const INVITATION_PREFIX = 'qi_';

/** An invitation just made, with the sign-up link to send (the token is shown this once). */
export interface MadeInvitation {
  readonly invitation: StoredInvitation;
  readonly link: string;
}

/**
 * Invitations of emails that have no account yet (docs/api.md, "Invitations"): made when a
 * document is shared with such an email, turned into membership when that person signs up, through
 * the link or with the email. There is no mail server: the owner sends the link themself.
 */
export class InvitationsService {
  constructor(
    private readonly people: PeopleStore,
    private readonly secrets: Secrets,
    /** Pushes a committed access change to the sockets it affects (see AccessEvents). */
    private readonly accessChanged: (change: AccessChange) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller is the document's owner (checked by DocumentsService). */
  async invite(principal: Principal, documentId: string, email: string, role: ShareRole): Promise<MadeInvitation> {
    const token = INVITATION_PREFIX + randomBytes(32).toString('base64url');
    const invitation = await this.people.createInvitation({
      id: newId(),
      documentId,
      email,
      role,
      inviterId: principal.user.id,
      tokenDigest: this.secrets.digest(token),
      now: new Date(this.now()),
    });
    return { invitation, link: `/signup?invite=${encodeURIComponent(token)}` };
  }

  list(documentId: string): Promise<StoredInvitation[]> {
    return this.people.listInvitations(documentId, new Date(this.now()));
  }

  async cancel(documentId: string, invitationId: string): Promise<void> {
    if (!(await this.people.deleteInvitation(documentId, invitationId))) throw new AuthError(404, 'No such invitation: it was accepted or cancelled already');
  }

  /** A working invitation from its token; 404 for a wrong, cancelled, accepted or expired one. */
  async resolve(token: string): Promise<InvitationDetails> {
    const found = token.startsWith(INVITATION_PREFIX) && token.length <= 200 ? await this.people.getInvitation(this.secrets.digest(token), new Date(this.now())) : undefined;
    if (!found) throw new AuthError(404, 'This invitation does not work any more (it was cancelled, used, or is older than 14 days): ask for a new one');
    return found;
  }

  /** Whether `token` is a working invitation for this email: it lets that email sign up when sign-up is off. */
  async admits(token: string, email: string): Promise<boolean> {
    const found = await this.resolve(token).catch(() => undefined);
    return found !== undefined && found.email === email.trim().toLowerCase();
  }

  /** Turns every pending invitation of the new account's email into membership, and tells open pages. */
  async accept(email: string, userId: string): Promise<void> {
    const accepted = await this.people.acceptInvitations(email, userId, new Date(this.now()));
    for (const { documentId } of accepted) await this.accessChanged({ documentId, userId });
  }
}
