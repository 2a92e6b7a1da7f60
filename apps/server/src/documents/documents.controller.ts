import type { IncomingMessage } from 'node:http';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import type { AddedMember, DocumentLists, DocumentView, ListedDocumentView, MemberList, MemberView, ShareLinkList, ShareLinkView, TicketAnswer } from '@quire/api-contract';
import { toInvitationView } from '../people/invitation-views';
import { DocumentHub } from '@quire/collab-core';
import type { FolderStore } from '@quire/storage';
import { SecurityEvents, type SecurityEventType } from '../audit/security-events';
import { DocumentsService } from '../auth/documents-service';
import type { Principal } from '../auth/principal';
import { RequestAuth } from '../auth/request-auth';
import { TicketsService } from '../auth/tickets-service';
import { Caller } from '../http/caller.decorator';
import { RateLimit } from '../http/rate-limit.decorator';
import { inheritedMembers } from '../folders/inherited-members';
import { ShelfService } from '../organizing/shelf-service';
import { FOLDER_STORE } from '../storage/storage.tokens';
import { ContentChanges } from '../storage/content-changes';
import { toDocumentView, toLinkView, toListedDocumentView, toMemberView } from './document-view';

/** `/api/documents`: a member's documents, their members, share links and socket tickets. */
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly tickets: TicketsService,
    private readonly auth: RequestAuth,
    private readonly hub: DocumentHub,
    private readonly events: SecurityEvents,
    private readonly shelf: ShelfService,
    private readonly contentChanges: ContentChanges,
    @Inject(FOLDER_STORE) private readonly folders: FolderStore,
  ) {}

  @Get()
  async list(@Caller() principal: Principal): Promise<DocumentLists> {
    const { owned, shared } = await this.documents.list(principal);
    return { owned: owned.map(toDocumentView), shared: shared.map(toDocumentView) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Caller() principal: Principal, @Body() body: unknown): Promise<DocumentView> {
    const created = await this.documents.create(principal, body);
    // Searchable by its title before anything is typed into it.
    this.contentChanges.changed(created.id);
    return toDocumentView(created);
  }

  @Get(':id')
  async get(@Caller() principal: Principal, @Param('id') id: string): Promise<ListedDocumentView> {
    return toListedDocumentView(await this.documents.get(principal, id));
  }

  @Patch(':id')
  async rename(@Caller() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<DocumentView> {
    const renamed = await this.documents.rename(principal, id, body);
    // Whoever has it open, at this instance or another, reads the new title; search finds it.
    this.hub.announceTitleChange(id);
    this.contentChanges.changed(id);
    return toDocumentView(renamed);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string): Promise<void> {
    await this.documents.delete(principal, id);
    this.record(request, principal, 'document-deleted', id);
  }

  @Get(':id/members')
  async members(@Caller() principal: Principal, @Param('id') id: string): Promise<MemberList> {
    const members = await this.documents.members(principal, id);
    const inherited = await inheritedMembers(this.folders, id, principal.user.id, members);
    return { members: members.map(toMemberView), inherited };
  }

  @Post(':id/members')
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('member-add')
  async addMember(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string, @Body() body: unknown): Promise<AddedMember> {
    const added = await this.documents.addMember(principal, id, body);
    if ('invitation' in added) {
      // No account has the email: an invitation, and the link the owner sends themself.
      this.record(request, principal, 'invitation-created', id, added.invitation.id, `${added.invitation.email}, role ${added.invitation.role}`);
      return { invitation: toInvitationView(added.invitation), link: added.link };
    }
    this.record(request, principal, 'member-added', id, added.user.id, `role ${added.role}`);
    return toMemberView(added);
  }

  @Patch(':id/members/:userId')
  async changeRole(
    @Caller() principal: Principal,
    @Req() request: IncomingMessage,
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Body() body: unknown,
  ): Promise<MemberView> {
    const member = await this.documents.changeRole(principal, id, userId, body);
    this.record(request, principal, 'member-role-changed', id, userId, `role ${member.role}`);
    return toMemberView(member);
  }

  @Delete(':id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeMember(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    await this.documents.removeMember(principal, id, userId);
    this.record(request, principal, 'member-removed', id, userId);
  }

  @Get(':id/links')
  async links(@Caller() principal: Principal, @Param('id') id: string): Promise<ShareLinkList> {
    const links = await this.documents.links(principal, id);
    return { links: links.map((link) => toLinkView(link, this.documents.linkToken(link))) };
  }

  @Post(':id/links')
  @HttpCode(HttpStatus.CREATED)
  async createLink(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string, @Body() body: unknown): Promise<ShareLinkView> {
    const link = await this.documents.createLink(principal, id, body);
    this.record(request, principal, 'link-created', id, link.id, `role ${link.role}`);
    return toLinkView(link, this.documents.linkToken(link));
  }

  @Delete(':id/links/:linkId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revokeLink(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string, @Param('linkId') linkId: string): Promise<void> {
    await this.documents.revokeLink(principal, id, linkId);
    this.record(request, principal, 'link-revoked', id, linkId);
  }

  @Post(':id/tickets')
  @HttpCode(HttpStatus.CREATED)
  async ticket(@Caller() principal: Principal, @Param('id') id: string): Promise<TicketAnswer> {
    const ticket = await this.tickets.issue(principal, id);
    // A ticket is what opening a document asks for first: "Recent" lists it.
    await this.shelf.opened(principal.user.id, id);
    return ticket;
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
