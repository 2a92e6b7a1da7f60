import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, type OnModuleDestroy } from '@nestjs/common';
import type { JoinAnswer, LinkInfo, TicketAnswer } from '@quire/api-contract';
import { AuthError } from '../auth/auth-error';
import { DocumentsService } from '../auth/documents-service';
import type { Principal } from '../auth/principal';
import { RequestAuth } from '../auth/request-auth';
import { TicketsService } from '../auth/tickets-service';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { Caller } from '../http/caller.decorator';
import { GuestTicketLimiter } from './guest-ticket-limiter';

/** `/api/links/<token>`: what a share link opens, joining through it, and guests' tickets. */
@Controller('api/links')
export class LinksController implements OnModuleDestroy {
  private readonly guestTickets = new GuestTicketLimiter();

  constructor(
    private readonly documents: DocumentsService,
    private readonly tickets: TicketsService,
    private readonly auth: RequestAuth,
  ) {}

  @Get(':token')
  @AllowAnonymous()
  async resolve(@Param('token') token: string): Promise<LinkInfo> {
    const { link, title } = await this.documents.resolveLink(token);
    return { documentId: link.documentId, title, role: link.role };
  }

  @Post(':token/join')
  @HttpCode(HttpStatus.OK)
  async join(@Caller() principal: Principal, @Param('token') token: string): Promise<JoinAnswer> {
    return this.documents.join(principal, token);
  }

  @Post(':token/tickets')
  @HttpCode(HttpStatus.CREATED)
  @AllowAnonymous()
  async guestTicket(@Req() request: IncomingMessage, @Param('token') token: string, @Body() body: unknown): Promise<TicketAnswer> {
    if (!this.guestTickets.allow(token, this.auth.address(request))) {
      throw new AuthError(429, 'Too many people are opening this link right now: wait a few seconds and try again', 5);
    }
    return this.tickets.issueGuest(token, body);
  }

  onModuleDestroy(): void {
    this.guestTickets.stop();
  }
}
