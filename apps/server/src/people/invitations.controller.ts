import type { IncomingMessage } from 'node:http';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Req } from '@nestjs/common';
import type { InvitationInfo, InvitationList } from '@quire/api-contract';
import { SecurityEvents } from '../audit/security-events';
import { DocumentsService } from '../auth/documents-service';
import type { Principal } from '../auth/principal';
import { RequestAuth } from '../auth/request-auth';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { Caller } from '../http/caller.decorator';
import { toInvitationInfo, toInvitationView } from './invitation-views';
import { InvitationsService } from './invitations-service';

/** A document's pending invitations, for its owner (docs/api.md, "Invitations"). */
@Controller('api/documents')
export class DocumentInvitationsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly invitations: InvitationsService,
    private readonly auth: RequestAuth,
    private readonly events: SecurityEvents,
  ) {}

  @Get(':id/invitations')
  async list(@Caller() principal: Principal, @Param('id') id: string): Promise<InvitationList> {
    await this.documents.get(principal, id, 'owner');
    return { invitations: (await this.invitations.list(id)).map(toInvitationView) };
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async cancel(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string, @Param('invitationId') invitationId: string): Promise<void> {
    await this.documents.get(principal, id, 'owner');
    await this.invitations.cancel(id, invitationId);
    this.events.record({ type: 'invitation-cancelled', actorId: principal.user.id, address: this.auth.address(request), documentId: id, subjectId: invitationId });
  }
}

/** What the sign-up page shows of an invitation link, for anyone holding it. */
@Controller('api/invitations')
@AllowAnonymous()
export class InvitationLinksController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get(':token')
  async info(@Param('token') token: string): Promise<InvitationInfo> {
    return toInvitationInfo(await this.invitations.resolve(token));
  }
}
