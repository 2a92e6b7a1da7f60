import { z } from 'zod';
import { PersonRef } from './documents';
import { Timestamp, Title } from './fields';

/** The longest version name. */
export const MAX_VERSION_NAME_LENGTH = 200;

/** Why a version was made: after a burst of edits, by someone naming it, or around a restore. */
export const VersionKind = z.enum(['auto', 'named', 'restore', 'before-restore']);
export type VersionKind = z.infer<typeof VersionKind>;

/** A version's name, trimmed: 1–200 characters, no control characters. */
export const VersionName = z
  .string()
  .trim()
  .min(1, 'name: enter a name for the version')
  .max(MAX_VERSION_NAME_LENGTH, `name: at most ${MAX_VERSION_NAME_LENGTH} characters`)
  .regex(/^[^\p{Cc}]*$/u, 'name: no control characters');

/**
 * A version as listed: `authors` are the people whose edits it holds since the version before it;
 * `restoredFrom`, for a `restore` version, the id of the version it restored (null otherwise; absent
 * from servers older than it).
 */
export const Version = z.object({
  id: z.string(),
  name: z.string().nullable(),
  kind: VersionKind,
  createdAt: Timestamp,
  authors: z.array(PersonRef),
  restoredFrom: z.string().nullable().optional(),
});
export type Version = z.infer<typeof Version>;

/** `GET /api/documents/:id/versions`: newest first. */
export const VersionList = z.object({ versions: z.array(Version) });
export type VersionList = z.infer<typeof VersionList>;

/** `POST /api/documents/:id/versions` (name the document as it is now) and `PATCH …/versions/:versionId` (rename). */
export const VersionNameBody = z.object({ name: VersionName }).strict();
export type VersionNameBody = z.infer<typeof VersionNameBody>;

/** `GET …/versions/:versionId`: `format` of the content (default `json`), or `compare` with another version or `current`. */
export const VersionQuery = z.object({
  format: z.enum(['json', 'text'], { errorMap: () => ({ message: 'format: json or text' }) }).optional(),
  compare: z.string().min(1, 'compare: a version id, or current').optional(),
});
export type VersionQuery = z.infer<typeof VersionQuery>;

/** `POST …/versions/:versionId/restore`: the `restore` version, holding the document as restored. */
export const RestoreAnswer = z.object({ version: Version });
export type RestoreAnswer = z.infer<typeof RestoreAnswer>;

/** `POST …/versions/:versionId/copy`: the new document's title (default: the document's, marked as a copy). */
export const CopyVersionBody = z.object({ title: Title.optional() }).strict();
export type CopyVersionBody = z.infer<typeof CopyVersionBody>;

/**
 * A ProseMirror node as JSON (`Node#toJSON`) of the shared schema (`@quire/editor-schema`);
 * `content` holds nodes of this same shape. Parse it with the schema: `Node.fromJSON(schema, json)`.
 */
export const ProseMirrorNode = z
  .object({
    type: z.string(),
    attrs: z.record(z.unknown()).optional(),
    content: z.array(z.unknown()).optional(),
    marks: z.array(z.object({ type: z.string(), attrs: z.record(z.unknown()).optional() })).optional(),
    text: z.string().optional(),
  })
  .passthrough();
export type ProseMirrorNode = z.infer<typeof ProseMirrorNode>;

const Mark = z.object({ type: z.string(), attrs: z.record(z.unknown()).optional() });
const ChangeKind = z.enum(['text', 'node']);
const authorIds = z.array(z.string());
const position = z.number().int().nonnegative();

/**
 * One difference between two versions. Positions are ProseMirror positions in the comparison's
 * `doc` (the newer side), except a deletion's `fromA`/`toA`, in the older side. `kind` `text`:
 * characters inside one textblock; `node`: one whole node. docs/api.md, "Versions", says how to
 * show each.
 */
export const VersionChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('insert'), kind: ChangeKind, from: position, to: position, authorIds }),
  z.object({
    type: z.literal('delete'),
    kind: ChangeKind,
    at: position,
    fromA: position,
    toA: position,
    slice: z.object({ content: z.array(z.unknown()).optional(), openStart: z.number().optional(), openEnd: z.number().optional() }),
    authorIds,
  }),
  z.object({ type: z.literal('format'), from: position, to: position, added: z.array(Mark), removed: z.array(Mark), authorIds }),
  z.object({
    type: z.literal('node'),
    from: position,
    to: position,
    before: z.object({ type: z.string(), attrs: z.record(z.unknown()) }),
    after: z.object({ type: z.string(), attrs: z.record(z.unknown()) }),
    authorIds,
  }),
]);
export type VersionChange = z.infer<typeof VersionChange>;

/**
 * `GET …/versions/:versionId?compare=…`: the changes from the older side (`from`) to the newer
 * (`to`), each a version id or `current`; `doc` is the newer side's content, which the positions
 * refer to; `authors` names everyone in the changes' `authorIds`.
 */
export const VersionComparison = z.object({
  from: z.string(),
  to: z.string(),
  doc: ProseMirrorNode,
  changes: z.array(VersionChange),
  authors: z.array(PersonRef),
});
export type VersionComparison = z.infer<typeof VersionComparison>;
