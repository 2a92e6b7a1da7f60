import { CopyVersionBody, MAX_TITLE_LENGTH, VersionNameBody, VersionQuery, type DocumentView, type RestoreAnswer, type Version, type VersionComparison, type VersionList } from '@quire/api-contract';
import type { DocumentHub, VersionMaker } from '@quire/collab-core';
import { deriveTitle } from '@quire/editor-schema';
import { restoreChange } from '@quire/history';
import type { Directory, UpdateLog, VersionHistory, VersionInfo } from '@quire/storage';
import * as Y from 'yjs';
import { AuthError, notFound } from '../auth/auth-error';
import type { DocumentsService } from '../auth/documents-service';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import { toDocumentView } from '../documents/document-view';
import { compareVersions } from './version-comparison';
import { CURRENT, type VersionContents } from './version-contents';
import { toVersionView } from './version-view';

/** What `content` answers: a document as JSON or as text, or a comparison. */
export type VersionAnswer = { json: unknown } | { text: string } | { comparison: VersionComparison };

/** What {@link VersionsService} works with. */
export interface VersionsServiceOptions {
  readonly documents: DocumentsService;
  readonly directory: Directory;
  readonly log: UpdateLog;
  readonly history: VersionHistory;
  readonly maker: VersionMaker;
  readonly hub: DocumentHub;
  readonly contents: VersionContents;
  readonly newDocumentId: () => string;
}

/**
 * A document's versions as its owners and editors see them (docs/api.md, "Versions"): viewers get
 * 403, people who are not members 404, and a version of another document is no version (404).
 */
export class VersionsService {
  constructor(private readonly options: VersionsServiceOptions) {}

  async list(principal: Principal, id: string): Promise<VersionList> {
    await this.mayUse(principal, id);
    return { versions: (await this.options.history.list(id)).map(toVersionView) };
  }

  /** A named version of the document as stored now, even when it equals the newest version. */
  async create(principal: Principal, id: string, body: unknown): Promise<Version> {
    const { name } = parseBody(VersionNameBody, body);
    await this.mayUse(principal, id);
    const version = await this.options.maker.record(id, { kind: 'named', name, createdBy: principal.user.id, force: true });
    if (!version) throw new Error(`A forced version of document ${id} recorded nothing`);
    return toVersionView(version);
  }

  async rename(principal: Principal, id: string, versionId: string, body: unknown): Promise<Version> {
    const { name } = parseBody(VersionNameBody, body);
    await this.mayUse(principal, id);
    const renamed = await this.options.history.rename(id, versionId, name);
    if (!renamed) throw notFound('version');
    return toVersionView(renamed);
  }

  /** The version as ProseMirror JSON or text, or compared with another version or the current document. */
  async content(principal: Principal, id: string, versionId: string, query: unknown): Promise<VersionAnswer> {
    const { format, compare } = parseBody(VersionQuery, query);
    if (compare !== undefined && format === 'text') throw new AuthError(400, 'compare answers JSON: leave out format=text');
    await this.mayUse(principal, id);
    const version = await this.version(id, versionId);
    if (compare !== undefined) {
      const versions = await this.options.history.list(id);
      const other = compare === CURRENT ? CURRENT : versions.find((candidate) => candidate.id === compare);
      if (!other) throw notFound('version to compare with');
      const { contents, directory } = this.options;
      return { comparison: await compareVersions({ documentId: id, sides: [version, other], versions, contents, directory }) };
    }
    return this.options.contents.document(id, version, format === 'text' ? 'text' : 'json');
  }

  /**
   * Makes the content equal to the version as one change through the hub (stored, then relayed to
   * everyone with the document open), then records the state just before it (`before-restore`)
   * and just after it (`restore`, whose author is the caller, naming the version it restored).
   */
  async restore(principal: Principal, id: string, versionId: string): Promise<RestoreAnswer> {
    await this.mayUse(principal, id);
    const version = await this.version(id, versionId);
    const target = await this.options.contents.node(id, version);
    const userId = principal.user.id;
    const change = await this.options.hub.applyServerChange(id, userId, (current) => restoreChange(current, target)?.update);
    const { maker } = this.options;
    const createdBy = userId;
    if (change.seq === undefined) {
      // Equal already: both versions hold the document as stored.
      await maker.record(id, { kind: 'before-restore', createdBy, force: true });
      return { version: toVersionView(await this.recorded(id, maker.record(id, { kind: 'restore', createdBy, force: true, authors: [userId], restoredFrom: version.id }))) };
    }
    await maker.record(id, { kind: 'before-restore', createdBy, force: true, state: { update: change.before, throughSeq: change.seq - 1 } });
    const restored = maker.record(id, {
      kind: 'restore',
      createdBy,
      force: true,
      authors: [userId],
      restoredFrom: version.id,
      state: { update: change.after, throughSeq: change.seq },
    });
    return { version: toVersionView(await this.recorded(id, restored)) };
  }

  /** A new document, owned by the caller, holding the version's content. */
  async copy(principal: Principal, id: string, versionId: string, body: unknown): Promise<DocumentView> {
    const { title } = parseBody(CopyVersionBody, body);
    const source = await this.mayUse(principal, id);
    const version = await this.version(id, versionId);
    const state = await this.options.contents.stateOf(id, version);
    const copied = await this.options.directory.createOwnedDocument(this.options.newDocumentId(), principal.user.id, title || copyTitle(source.title, state));
    await this.options.log.append(copied.id, [state], { authors: [principal.user.id] });
    return toDocumentView(await this.options.documents.get(principal, copied.id));
  }

  /** Owners and editors may use a document's versions. */
  private mayUse(principal: Principal, id: string) {
    return this.options.documents.get(principal, id, 'editor');
  }

  private async version(id: string, versionId: string): Promise<VersionInfo> {
    const version = await this.options.history.get(id, versionId);
    if (!version) throw notFound('version');
    return version;
  }

  private async recorded(id: string, recording: Promise<VersionInfo | undefined>): Promise<VersionInfo> {
    const version = await recording;
    if (!version) throw new Error(`A forced version of document ${id} recorded nothing`);
    return version;
  }
}

/** "<title> (copy)", from the document's title or, without one, the version's first line. */
function copyTitle(title: string, state: Uint8Array): string {
  let base = title;
  if (!base) {
    const doc = new Y.Doc({ guid: 'version-copy' });
    Y.applyUpdate(doc, state);
    base = deriveTitle(doc);
    doc.destroy();
  }
  const suffix = ' (copy)';
  return [...(base || 'Untitled')].slice(0, MAX_TITLE_LENGTH - suffix.length).join('') + suffix;
}
