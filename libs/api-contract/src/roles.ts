import { z } from 'zod';

/**
 * What a person may do with a document (docs/api.md), most first: the owner (who made it), an
 * editor, a commenter (reads and comments, may not edit) or a viewer (reads, comments included).
 */
export const Role = z.enum(['owner', 'editor', 'commenter', 'viewer']);
export type Role = z.infer<typeof Role>;

/**
 * The roles a member or a share link can be given: every role but the owner's, which stays with
 * whoever made the document.
 */
export const ShareRole = Role.exclude(['owner'], { errorMap: () => ({ message: 'role: expected "editor", "commenter" or "viewer"' }) });
export type ShareRole = z.infer<typeof ShareRole>;

/** The roles in order of what they allow: a higher rank may do all a lower one may. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

/** Whether someone with this role may write comments (commenters, editors, owners). */
export function mayComment(role: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK.commenter;
}

/** Whether someone with this role may change the document's content (editors and owners). */
export function mayEdit(role: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK.editor;
}
