import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Directory } from '@quire/storage';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { CallerRequest } from '../http/caller.decorator';
import type { DocumentEvent, PersonRef, WebhookEvents } from './webhook-events';

type Handled = { readonly caller: PersonRef; readonly params: Record<string, string>; readonly answer: unknown };

/**
 * What a route that creates or deletes documents, or adds and removes members, tells webhooks:
 * `before` reads what the change will take away (a deleted document's title, a removed member's
 * name), `after` makes the event from that and the route's answer. Keyed by `METHOD path` as the
 * router declares it, so every route that does such a thing is listed here (docs/api.md, "Webhooks").
 */
interface RouteEvents {
  before?(directory: Directory, params: Record<string, string>, caller: PersonRef): Promise<unknown>;
  after(handled: Handled, before: unknown): DocumentEvent | undefined;
}

const created: RouteEvents = {
  after: ({ caller, answer }) => {
    const document = answer as { id: string; title: string };
    return { event: 'document.created', document: { id: document.id, title: document.title }, ownerId: caller.id, authors: [caller] };
  },
};

const ROUTES: Readonly<Record<string, RouteEvents>> = {
  'POST /api/documents': created,
  'POST /api/documents/import': created,
  'POST /api/documents/:id/versions/:versionId/copy': created,
  'DELETE /api/documents/:id': {
    before: async (directory, params) => {
      const [document, members] = await Promise.all([directory.getDocument(params['id'] ?? ''), directory.listMembers(params['id'] ?? '')]);
      return { document, ownerId: members.find((member) => member.role === 'owner')?.user.id ?? null };
    },
    after: ({ caller }, read) => {
      const before = read as { document: { id: string; title: string } | undefined; ownerId: string | null };
      return before.document && { event: 'document.deleted', document: { id: before.document.id, title: before.document.title }, ownerId: before.ownerId, authors: [caller] };
    },
  },
  'POST /api/documents/:id/members': {
    before: async (directory, params) => membersOf(directory, params['id'] ?? ''),
    after: ({ caller, answer }, read) => {
      const before = read as Members;
      const member = (answer as { user?: PersonRef }).user;
      // Adding someone who was a member already changes their role: not an addition; an invitation
      // (no account has the email) is not one yet either.
      if (!member || !before.document || before.ids.has(member.id)) return undefined;
      return { event: 'member.added', document: before.document, ownerId: before.ownerId, authors: [caller], member: { id: member.id, name: member.name } };
    },
  },
  'DELETE /api/documents/:id/members/:userId': {
    before: async (directory, params) => membersOf(directory, params['id'] ?? ''),
    after: ({ caller, params }, read) => {
      const before = read as Members;
      const member = before.people.get(params['userId'] ?? '');
      if (!before.document || !member) return undefined;
      return { event: 'member.removed', document: before.document, ownerId: before.ownerId, authors: [caller], member };
    },
  },
  'POST /api/links/:token/join': {
    before: async (directory, _params, caller) => new Set((await directory.listMemberDocuments(caller.id)).map((document) => document.id)),
    after: () => undefined,
  },
};

interface Members {
  readonly document: { id: string; title: string } | undefined;
  readonly ownerId: string | null;
  readonly ids: ReadonlySet<string>;
  readonly people: ReadonlyMap<string, PersonRef>;
}

async function membersOf(directory: Directory, documentId: string): Promise<Members> {
  const [document, members] = await Promise.all([directory.getDocument(documentId), directory.listMembers(documentId)]);
  return {
    document: document && { id: document.id, title: document.title },
    ownerId: members.find((member) => member.role === 'owner')?.user.id ?? null,
    ids: new Set(members.map((member) => member.user.id)),
    people: new Map(members.map((member) => [member.user.id, { id: member.user.id, name: member.user.name }])),
  };
}

/**
 * Emits document.created, document.deleted, member.added and member.removed after the routes that
 * do them succeed. The event is stored after the answer is ready and before it is sent, so a client
 * that saw the answer can count on the delivery; a failure to store it is logged, never the
 * route's failure.
 */
@Injectable()
export class DocumentEventsInterceptor implements NestInterceptor {
  constructor(
    private readonly events: WebhookEvents,
    private readonly directory: Directory,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & CallerRequest>();
    const route = (request as { route?: { path?: string } }).route?.path;
    const entry = route ? ROUTES[`${request.method} ${route}`] : undefined;
    const principal = request.caller;
    if (!entry || !principal) return next.handle();
    const caller: PersonRef = { id: principal.user.id, name: principal.user.name };
    const params = request.params as Record<string, string>;
    return from(this.around(entry, caller, params, next));
  }

  private async around(entry: RouteEvents, caller: PersonRef, params: Record<string, string>, next: CallHandler): Promise<unknown> {
    // Read before the change; a failure here must not stop the route.
    const before = await entry.before?.(this.directory, params, caller).catch(() => undefined);
    const answer = await lastValueFrom(next.handle());
    if (entry === ROUTES['POST /api/links/:token/join']) {
      await this.joined(caller, answer as { documentId: string }, before as Set<string> | undefined);
      return answer;
    }
    const event = before === undefined && entry.before ? undefined : entry.after({ caller, params, answer }, before);
    if (event) await this.events.emit(event).catch(() => this.events.emitSoon(event));
    return answer;
  }

  /** Joining through a share link adds a member, unless they were one already. */
  private async joined(caller: PersonRef, answer: { documentId: string }, before: Set<string> | undefined): Promise<void> {
    if (!before || before.has(answer.documentId)) return;
    const members = await membersOf(this.directory, answer.documentId).catch(() => undefined);
    if (!members?.document) return;
    this.events.emitSoon({ event: 'member.added', document: members.document, ownerId: members.ownerId, authors: [caller], member: caller });
  }
}
