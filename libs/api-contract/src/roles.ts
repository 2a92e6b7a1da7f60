import { z } from 'zod';

/** What a person may do with a document: the owner (who made it), an editor or a viewer (docs/api.md). */
export const Role = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;

/**
 * The roles a member or a share link can be given: every role but the owner's, which stays with
 * whoever made the document.
 */
export const ShareRole = Role.exclude(['owner'], { errorMap: () => ({ message: 'role: expected "editor" or "viewer"' }) });
export type ShareRole = z.infer<typeof ShareRole>;
