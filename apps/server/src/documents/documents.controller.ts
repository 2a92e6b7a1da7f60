import type { IncomingMessage } from 'node:http';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import { DocumentHub } from '@quire/collab-core';
import { SecurityEvents, type SecurityEventType } from '../audit/security-events';
import { DocumentsService } from '../auth/documents-service';
import type { Principal } from '../auth/principal';
import { RequestAuth } from '../auth/request-auth';
import { TicketsService, type TicketAnswer } from '../auth/tickets-service';
import { RateLimit } from '../http/rate-limit.decorator';
import { toDocumentView, toLinkView, toMemberView, type DocumentView, type LinkView, type MemberView } from './document-view';

/** `/api/documents`: a member's documents, their members, share links and socket tickets. */
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly tickets: TicketsService,
    private readonly auth: RequestAuth,
    private readonly hub: DocumentHub,
    private readonly events: SecurityEvents,
  ) {}

  @Get()
  async list(@Req() request: IncomingMessage): Promise<{ owned: DocumentView[]; shared: DocumentView[] }> {
    const { owned, shared } = await this.documents.list(await this.auth.require(request));
    return { owned: owned.map(toDocumentView), shared: shared.map(toDocumentView) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Req() request: IncomingMessage, @Body() body: unknown): Promise<DocumentView> {
    return toDocumentView(await this.documents.create(await this.auth.require(request), body));
  }

  @Get(':id')
  async get(@Req() request: IncomingMessage, @Param('id') id: string): Promise<DocumentView> {
    return toDocumentView(await this.documents.get(await this.auth.require(request), id));
  }

  @Patch(':id')
  async rename(@Req() request: IncomingMessage, @Param('id') id: string, @Body() body: unknown): Promise<DocumentView> {
    const renamed = await this.documents.rename(await this.auth.require(request), id, body);
    // Whoever has it open, at this instance or another, reads the new title.
    this.hub.announceTitleChange(id);
    return toDocumentView(renamed);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(@Req() request: IncomingMessage, @Param('id') id: string): Promise<void> {
    const principal = await this.auth.require(request);
    await this.documents.delete(principal, id);
    this.record(request, principal, 'document-deleted', id);
  }

  @Get(':id/members')
  async members(@Req() request: IncomingMessage, @Param('id') id: string): Promise<{ members: MemberView[] }> {
    return { members: (await this.documents.members(await this.auth.require(request), id)).map(toMemberView) };
  }

  @Post(':id/members')
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('member-add')
  async addMember(@Req() request: IncomingMessage, @Param('id') id: string, @Body() body: unknown): Promise<MemberView> {
    const principal = await this.auth.require(request);
    const member = await this.documents.addMember(principal, id, body);
    this.record(request, principal, 'member-added', id, member.user.id, `role ${member.role}`);
    return toMemberView(member);
  }

  @Patch(':id/members/:userId')
  async changeRole(
    @Req() request: IncomingMessage,
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Body() body: unknown,
  ): Promise<MemberView> {
    const principal = await this.auth.require(request);
    const member = await this.documents.changeRole(principal, id, userId, body);
    this.record(request, principal, 'member-role-changed', id, userId, `role ${member.role}`);
    return toMemberView(member);
  }

  @Delete(':id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeMember(@Req() request: IncomingMessage, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    const principal = await this.auth.require(request);
    await this.documents.removeMember(principal, id, userId);
    this.record(request, principal, 'member-removed', id, userId);
  }

  @Get(':id/links')
  async links(@Req() request: IncomingMessage, @Param('id') id: string): Promise<{ links: LinkView[] }> {
    const links = await this.documents.links(await this.auth.require(request), id);
    return { links: links.map((link) => toLinkView(link, this.documents.linkToken(link))) };
  }

  @Post(':id/links')
  @HttpCode(HttpStatus.CREATED)
  async createLink(@Req() request: IncomingMessage, @Param('id') id: string, @Body() body: unknown): Promise<LinkView> {
    const principal = await this.auth.require(request);
    const link = await this.documents.createLink(principal, id, body);
    this.record(request, principal, 'link-created', id, link.id, `role ${link.role}`);
    return toLinkView(link, this.documents.linkToken(link));
  }

  @Delete(':id/links/:linkId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revokeLink(@Req() request: IncomingMessage, @Param('id') id: string, @Param('linkId') linkId: string): Promise<void> {
    const principal = await this.auth.require(request);
    await this.documents.revokeLink(principal, id, linkId);
    this.record(request, principal, 'link-revoked', id, linkId);
  }

  @Post(':id/tickets')
  @HttpCode(HttpStatus.CREATED)
  async ticket(@Req() request: IncomingMessage, @Param('id') id: string): Promise<TicketAnswer> {
    return this.tickets.issue(await this.auth.require(request), id);
  }

  private record(request: IncomingMessage, principal: Principal, type: SecurityEventType, documentId: string, subjectId?: string, details?: string): void {
    this.events.record({
      type,
      actorId: principal.user.id,
      address: this.auth.address(request),
      documentId,
      ...(subjectId === undefined ? {} : { subjectId }),
      ...(details === undefined ? {} : { details }),
    });
  }
}
