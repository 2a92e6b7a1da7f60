import { z } from 'zod';
import type { ApiRoute } from './api-route';
import { DocumentView } from './documents';
import { CopyVersionBody, ProseMirrorNode, RestoreAnswer, Version, VersionComparison, VersionList, VersionNameBody, VersionQuery } from './versions';

const notVisible = 'no such document, or the caller is not a member (whether it exists is not revealed)';
/** Owners and editors only: a viewer gets 403, someone who is not a member 404. */
const editorsOnly = { 403: 'the caller may only view the document (versions are for owners and editors)', 404: notVisible } as const;
const noSuchVersion = 'no such document for the caller, or no such version of this document';

/** The version history's routes (docs/api.md, "Versions"), in its order. */
export const VERSION_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/documents/:id/versions', group: 'versions', summary: 'A document’s versions, newest first', caller: 'signed-in', status: 200, answer: VersionList, refusals: editorsOnly },
  {
    method: 'POST',
    path: '/api/documents/:id/versions',
    group: 'versions',
    summary: 'Name the document as it is now (everything stored before the request): a named version',
    caller: 'signed-in',
    body: VersionNameBody,
    status: 201,
    answer: Version,
    refusals: { ...editorsOnly, 400: 'the name is empty, longer than 200 characters or holds control characters' },
  },
  {
    method: 'PATCH',
    path: '/api/documents/:id/versions/:versionId',
    group: 'versions',
    summary: 'Rename a version (an automatic one becomes named)',
    caller: 'signed-in',
    body: VersionNameBody,
    status: 200,
    answer: Version,
    refusals: { ...editorsOnly, 400: 'the name is empty, longer than 200 characters or holds control characters', 404: noSuchVersion },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/versions/:versionId',
    group: 'versions',
    summary: 'A version’s content (ProseMirror JSON, or text with format=text), or with compare=<versionId>|current the changes between the two',
    caller: 'signed-in',
    query: VersionQuery,
    status: 200,
    answer: z.union([ProseMirrorNode, VersionComparison]),
    textAnswer: 'with format=text: one line per textblock, nested blocks in document order',
    refusals: { ...editorsOnly, 400: 'format is not json or text, or compare is asked with format=text', 404: `${noSuchVersion} (or of the compared one)` },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions/:versionId/restore',
    group: 'versions',
    summary: 'Make the document’s content equal to a version, as one new change everyone with it open receives',
    caller: 'signed-in',
    status: 200,
    answer: RestoreAnswer,
    refusals: { ...editorsOnly, 404: noSuchVersion },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions/:versionId/copy',
    group: 'versions',
    summary: 'Copy a version to a new document, owned by the caller',
    caller: 'signed-in',
    body: CopyVersionBody,
    status: 201,
    answer: DocumentView,
    refusals: { ...editorsOnly, 404: noSuchVersion },
  },
];
