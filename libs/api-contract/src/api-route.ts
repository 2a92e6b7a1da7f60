import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone; a signed-in user, with a browser session or an API token; or a
 * browser session only (a token gets 403: docs/api.md, "Who is asking").
 */
export type RouteCaller = 'anyone' | 'signed-in' | 'session';

/** The parts of docs/api.md that group routes. */
export type RouteGroup = 'accounts' | 'admin' | 'documents' | 'versions' | 'comments' | 'activity' | 'links' | 'tickets' | 'files' | 'operations' | 'content' | 'webhooks';

/** One route of the server: what it takes, what it answers, and who may call it. */
export interface ApiRoute {
  readonly method: HttpMethod;
  /** As Nest and docs/api.md write it, parameters as `:name`. */
  readonly path: string;
  readonly group: RouteGroup;
  readonly summary: string;
  readonly caller: RouteCaller;
  /** The JSON body it takes, if any. */
  readonly body?: z.ZodTypeAny;
  /** A multipart/form-data body instead, with one file in the field named here. */
  readonly upload?: { readonly field: string };
  /** A body read whole in one of these media types (Markdown, HTML, JSON…), instead of a JSON body parsed with a schema. */
  readonly rawBody?: readonly string[];
  /** The query parameters it reads, if any. */
  readonly query?: z.AnyZodObject;
  /** The status of success. */
  readonly status: 200 | 201 | 204;
  /**
   * What success carries: JSON, or what `answerType` says: text, or (any type) the bytes of a
   * stored file, in the type found in them; nothing with 204.
   */
  readonly answer?: z.ZodTypeAny;
  readonly answerType?: 'text/plain' | '*/*';
  /** Media types it answers besides JSON, chosen by a `format` query parameter or `Accept`. */
  readonly formats?: readonly string[];
  /** JSON by default, and `text/plain` as well when the request asks for it: says when. */
  readonly textAnswer?: string;
  /**
   * Refusals particular to this route, with what they mean. Those that follow from the rest are
   * not repeated: 400 for a body, 401 without a user, 403 for a token on a session-only route or a
   * cross-site request to a state-changing one.
   */
  readonly refusals?: Readonly<Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429, string>>>;
}
