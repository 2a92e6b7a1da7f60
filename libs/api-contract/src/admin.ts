import { z } from 'zod';
import { UserView } from './accounts';
import { Timestamp } from './fields';

/** `GET /api/admin/users`. */
export const UserList = z.object({ users: z.array(UserView) });
export type UserList = z.infer<typeof UserList>;

/** `POST /api/admin/users/:id/password`: the new password, shown this once. */
export const TemporaryPassword = z.object({ temporaryPassword: z.string() });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;

/** One thing that happened to accounts, tokens, documents or sharing (docs/api.md, "Security events"). */
export const SecurityEventView = z.object({
  /** Grows with each event. */
  id: z.string(),
  at: Timestamp,
  /** What happened, e.g. `signin-failed`. */
  type: z.string(),
  /** Who did it: null when nobody was signed in (a failed sign-in, a wrong setup code). */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  address: z.string().nullable(),
  documentId: z.string().nullable(),
  /** The account, token, member or link it was done to. */
  subjectId: z.string().nullable(),
  details: z.string().nullable(),
});
export type SecurityEventView = z.infer<typeof SecurityEventView>;

/** `GET /api/admin/events`: the newest first. */
export const SecurityEventList = z.object({ events: z.array(SecurityEventView) });
export type SecurityEventList = z.infer<typeof SecurityEventList>;
