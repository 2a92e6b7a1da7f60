import { z } from 'zod';
import { PersonRef } from './documents';
import { Timestamp } from './fields';

/** A comment's body is 1 to this many characters (UTF-16 code units, as JavaScript counts them). */
export const MAX_COMMENT_LENGTH = 10_000;
/** The longest `quote` a script may anchor a thread to. */
export const MAX_QUOTE_LENGTH = 10_000;

/**
 * A mention inside a comment's body: `@[Name](user:<id>)`. The name is what readers see (no `]`,
 * no line break); the id is the mentioned member's user id. Anything else in a body is plain text,
 * shown as typed (HTML too: it is never interpreted).
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,80})\]\(user:([A-Za-z0-9_-]{1,128})\)/g;

/** The user ids a body mentions, each once, in the order they first appear. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((match) => match[2]))];
}

/** How a mention of someone is written in a body. */
export function mentionOf(user: { id: string; name: string }): string {
  return `@[${user.name.replace(/[\]\n]/g, ' ')}](user:${user.id})`;
}

/** Something a person can see (not only whitespace or invisible format characters). */
const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * A comment's body: plain text with mentions, 1–10,000 characters, line breaks and tabs allowed,
 * other control characters not (they could break log lines or lay text out oddly).
 */
export const CommentText = z
  .string({ required_error: 'body: write a comment', invalid_type_error: 'body: expected text' })
  .min(1, 'body: write a comment')
  .max(MAX_COMMENT_LENGTH, `body: at most ${MAX_COMMENT_LENGTH.toLocaleString('en-US')} characters`)
  .refine((body) => !/[^\P{Cc}\t\n\r]/u.test(body), 'body: no control characters other than line breaks and tabs')
  .refine((body) => body === '' || VISIBLE.test(body), 'body: write a comment with visible characters, not only blanks');

/**
 * A Yjs relative position, base64 (standard alphabet, padded) of `Y.encodeRelativePosition`, made in
 * the document's `prosemirror` XmlFragment (the one y-prosemirror binds: `ySyncPluginKey` state's
 * `type`; `absolutePositionToRelativePosition(pos, type, binding.mapping)` gives one).
 */
export const EncodedRelativePosition = z
  .string({ required_error: 'anchor: start and end are required' })
  .min(4, 'anchor: start and end are base64 of Y.encodeRelativePosition')
  .max(1024, 'anchor: start and end are base64 of Y.encodeRelativePosition')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'anchor: start and end are base64 of Y.encodeRelativePosition');

/** Where a browser's selection starts and ends, each a relative position that follows the text. */
export const CommentAnchor = z.object({ start: EncodedRelativePosition, end: EncodedRelativePosition }).strict();
export type CommentAnchor = z.infer<typeof CommentAnchor>;

/**
 * `POST /api/documents/:id/threads`: the first comment, and where it stands: `quote` (the first
 * occurrence of this text; 422 when there is none) or `anchor` (the browser's selection). One of
 * the two, not both.
 */
export const CreateThreadBody = z
  .object({
    body: CommentText,
    quote: z.string().min(1, 'quote: at least 1 character').max(MAX_QUOTE_LENGTH, `quote: at most ${MAX_QUOTE_LENGTH.toLocaleString('en-US')} characters`).optional(),
    anchor: CommentAnchor.optional(),
  })
  .strict()
  .refine((value) => (value.quote === undefined) !== (value.anchor === undefined), 'quote or anchor: give exactly one of the two');
export type CreateThreadBody = z.infer<typeof CreateThreadBody>;

/** `POST …/threads/:threadId/comments` (a reply) and `PATCH …/comments/:commentId` (an edit). */
export const CommentBody = z.object({ body: CommentText }).strict();
export type CommentBody = z.infer<typeof CommentBody>;

/** `PATCH /api/documents/:id/threads/:threadId`: resolve (true) or reopen (false). */
export const ResolveThreadBody = z.object({ resolved: z.boolean({ required_error: 'resolved: true or false', invalid_type_error: 'resolved: true or false' }) }).strict();
export type ResolveThreadBody = z.infer<typeof ResolveThreadBody>;

/** One comment of a thread; `editedAt` is null until its author edits it. `body` is plain text. */
export const CommentView = z.object({
  id: z.string(),
  author: PersonRef,
  body: z.string(),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
});
export type CommentView = z.infer<typeof CommentView>;

/**
 * A thread: `quote` is the text it was anchored to when made; `detached` is true when none of that
 * text is left in the document (its `comment` mark occurs nowhere). Comments oldest first.
 */
export const ThreadView = z.object({
  id: z.string(),
  quote: z.string(),
  resolved: z.boolean(),
  detached: z.boolean(),
  createdAt: Timestamp,
  comments: z.array(CommentView),
});
export type ThreadView = z.infer<typeof ThreadView>;

/** `GET /api/documents/:id/threads`: oldest first. */
export const ThreadList = z.object({ threads: z.array(ThreadView) });
export type ThreadList = z.infer<typeof ThreadList>;

/** Why an activity entry is someone's: they were mentioned, or someone replied in a thread they wrote in. */
export const ActivityKind = z.enum(['mention', 'reply']);
export type ActivityKind = z.infer<typeof ActivityKind>;

/**
 * One entry of the caller's activity: `comment` is the comment that mentions them or replies (its
 * current body); open `/d/<document.id>#thread-<threadId>` to see it in place.
 */
export const ActivityEntry = z.object({
  id: z.string(),
  kind: ActivityKind,
  read: z.boolean(),
  createdAt: Timestamp,
  document: z.object({ id: z.string(), title: z.string() }),
  threadId: z.string(),
  comment: z.object({ id: z.string(), author: PersonRef, body: z.string() }),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

/** `GET /api/activity`: the newest 100 entries, newest first, and how many of all are unread. */
export const ActivityList = z.object({ activity: z.array(ActivityEntry), unread: z.number().int().nonnegative() });
export type ActivityList = z.infer<typeof ActivityList>;

/** `POST /api/activity/read`: the entries to mark read (another person's ids are ignored). */
export const MarkActivityReadBody = z
  .object({ ids: z.array(z.string().min(1).max(128), { required_error: 'ids: a list of activity ids' }).min(1, 'ids: at least one id').max(500, 'ids: at most 500 ids') })
  .strict();
export type MarkActivityReadBody = z.infer<typeof MarkActivityReadBody>;
