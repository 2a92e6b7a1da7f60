import { z } from 'zod';
import { DisplayName, Timestamp } from './fields';
import { Role, ShareRole } from './roles';

/** `GET /api/links/:token`: what a share link opens. */
export const LinkInfo = z.object({ documentId: z.string(), title: z.string(), role: ShareRole });
export type LinkInfo = z.infer<typeof LinkInfo>;

/** `POST /api/links/:token/join`: the caller's role now (a link never lowers one). */
export const JoinAnswer = z.object({ documentId: z.string(), role: Role });
export type JoinAnswer = z.infer<typeof JoinAnswer>;

/** `POST /api/links/:token/tickets`: the name a guest shows under. */
export const GuestTicketBody = z.object({ name: DisplayName }).strict();
export type GuestTicketBody = z.infer<typeof GuestTicketBody>;

/**
 * A socket ticket: single-use, short-lived, for one document. The connection must publish `user`
 * in awareness exactly as given (a guest's id starts with `guest-`). A guest's ticket also carries
 * a file token: the document's files are served to them with `?access=<fileToken>` until
 * `fileTokenExpiresAt` (members' browsers and scripts need none: docs/api.md, "Files").
 */
export const TicketAnswer = z.object({
  ticket: z.string(),
  expiresAt: Timestamp,
  role: Role,
  documentId: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  fileToken: z.string().optional(),
  fileTokenExpiresAt: Timestamp.optional(),
});
export type TicketAnswer = z.infer<typeof TicketAnswer>;
