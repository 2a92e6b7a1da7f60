import { z } from 'zod';
import { DocumentId, Email, Timestamp, Title } from './fields';
import { Role, ShareRole } from './roles';

/** Someone named beside a document or a member: an id and a display name. */
export const PersonRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** A document as one member sees it: `role` is the caller's. */
export const DocumentView = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  role: Role,
  owner: PersonRef.nullable(),
});
export type DocumentView = z.infer<typeof DocumentView>;

/**
 * A document in the caller's lists (own, shared, recent, starred, a folder's) and `GET
 * /api/documents/:id`: with whether the caller starred it, so a star toggle knows its state for
 * every row, not only for those among the Starred pages read so far.
 */
export const ListedDocumentView = DocumentView.extend({ starred: z.boolean() });
export type ListedDocumentView = z.infer<typeof ListedDocumentView>;

/** `GET /api/documents`: each list most recently changed first. */
export const DocumentLists = z.object({ owned: z.array(DocumentView), shared: z.array(DocumentView) });
export type DocumentLists = z.infer<typeof DocumentLists>;

/** `POST /api/documents`: a script may choose the id. */
export const CreateDocumentBody = z.object({ title: Title.optional(), id: DocumentId.optional() }).strict();
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

/** `PATCH /api/documents/:id`. */
export const RenameDocumentBody = z.object({ title: Title }).strict();
export type RenameDocumentBody = z.infer<typeof RenameDocumentBody>;

/** A document's member, with their email (members see each other's). */
export const MemberView = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  role: Role,
  addedAt: Timestamp,
});
export type MemberView = z.infer<typeof MemberView>;

/**
 * Someone who may open a document through a folder above it, not as its own member: the role that
 * folder gives them, and the folder (`null` when the caller may not see it).
 */
export const InheritedMemberView = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  role: ShareRole,
  folder: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type InheritedMemberView = z.infer<typeof InheritedMemberView>;

/**
 * `GET /api/documents/:id/members`: its own members, and the people it reaches through folders
 * (each once, the highest role a folder gives them; left out when their own membership is as strong).
 */
export const MemberList = z.object({ members: z.array(MemberView), inherited: z.array(InheritedMemberView) });
export type MemberList = z.infer<typeof MemberList>;

/** `POST /api/documents/:id/members`: whom, by the email of their account. */
export const AddMemberBody = z.object({ email: Email, role: ShareRole }).strict();
export type AddMemberBody = z.infer<typeof AddMemberBody>;

/** `PATCH /api/documents/:id/members/:userId` and `POST /api/documents/:id/links`. */
export const RoleBody = z.object({ role: ShareRole }).strict();
export type RoleBody = z.infer<typeof RoleBody>;

/** A share link; the web page for it is `/s/<token>`. */
export const ShareLinkView = z.object({ id: z.string(), role: ShareRole, createdAt: Timestamp, token: z.string() });
export type ShareLinkView = z.infer<typeof ShareLinkView>;

/** `GET /api/documents/:id/links`. */
export const ShareLinkList = z.object({ links: z.array(ShareLinkView) });
export type ShareLinkList = z.infer<typeof ShareLinkList>;
