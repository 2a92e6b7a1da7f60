import { noSuchDocument } from '../checks';
import { StorageError } from '../storage-error';
import { checkNewVersion, versionConflict } from '../version-checks';
import { planFold } from '../version-folding';
import type { ClientAuthor, NewVersion, VersionChain, VersionFold, VersionHead, VersionHistory, VersionInfo } from '../version-history';
import type { MemoryData, MemoryDocument, MemoryVersion } from './memory-data';

/**
 * The {@link VersionHistory} of a {@link MemoryStorage}, with the SQL adapters' semantics. There
 * are no accounts in memory, so authors have no names. It copies every byte array it is given or returns.
 */
export class MemoryVersionHistory implements VersionHistory {
  /** `data` refuses calls while the storage is not open. */
  constructor(private readonly data: () => MemoryData) {}

  async head(documentId: string): Promise<VersionHead | undefined> {
    const head = this.document(documentId)?.versions.at(-1);
    if (!head?.headState) return undefined;
    const { id, number, throughSeq, chainBytes } = head;
    return { id, number, throughSeq, chainBytes, createdAt: new Date(head.createdAt), state: new Uint8Array(head.headState) };
  }

  async create(documentId: string, version: NewVersion): Promise<VersionInfo> {
    const document = this.document(documentId);
    checkNewVersion(documentId, version);
    if (!document) throw noSuchDocument(documentId, 'make a version');
    const head = document.versions.at(-1);
    const headNumber = head?.number ?? 0;
    if (version.number !== headNumber + 1) throw versionConflict(documentId, version.number, headNumber);
    if (!head && !version.keyframe) {
      throw new StorageError('invalid-argument', `The first version of document "${documentId}" must be a keyframe (a whole state)`);
    }
    const { throughSeq } = version;
    const after = head?.throughSeq ?? 0;
    const fromRows = document.rows.filter((row) => row.seq > after && row.seq <= throughSeq && row.author !== undefined).map((row) => row.author as string);
    const folded = [...document.edits].filter(([, edit]) => edit.first <= throughSeq).map(([user]) => user);
    const authors = [...new Set(version.authors ?? [...folded, ...fromRows])];
    for (const [userId, edit] of [...document.edits]) {
      if (edit.first > throughSeq) continue;
      if (edit.last <= throughSeq) document.edits.delete(userId);
      else edit.first = throughSeq + 1;
    }
    if (head) head.headState = null;
    const stored: MemoryVersion = {
      id: version.id,
      number: version.number,
      kind: version.kind,
      name: version.name ?? null,
      createdAt: Date.now(),
      createdBy: version.createdBy ?? null,
      throughSeq,
      keyframe: version.keyframe,
      chainBytes: version.keyframe || !head ? version.data.byteLength : head.chainBytes + version.data.byteLength,
      data: new Uint8Array(version.data),
      headState: new Uint8Array(version.state),
      authors,
      restoredFrom: version.restoredFrom ?? null,
    };
    document.versions.push(stored);
    return info(documentId, stored);
  }

  async list(documentId: string): Promise<VersionInfo[]> {
    return [...(this.document(documentId)?.versions ?? [])].reverse().map((version) => info(documentId, version));
  }

  async get(documentId: string, versionId: string): Promise<VersionInfo | undefined> {
    const version = this.version(documentId, versionId);
    return version && info(documentId, version);
  }

  async rename(documentId: string, versionId: string, name: string): Promise<VersionInfo | undefined> {
    const document = this.document(documentId);
    const index = document?.versions.findIndex((candidate) => candidate.id === versionId) ?? -1;
    if (!document || index < 0) return undefined;
    const version = document.versions[index];
    version.name = name;
    if (version.kind === 'auto') document.versions[index] = { ...version, kind: 'named' };
    return info(documentId, document.versions[index]);
  }

  async chain(documentId: string, versionId: string): Promise<VersionChain | undefined> {
    const versions = this.document(documentId)?.versions ?? [];
    const index = versions.findIndex((candidate) => candidate.id === versionId);
    if (index < 0) return undefined;
    let start = index;
    while (!versions[start].keyframe) start--;
    const updates = versions.slice(start, index + 1).map((version) => new Uint8Array(version.data));
    return { version: info(documentId, versions[index]), updates };
  }

  async fold(documentId: string, fold: VersionFold): Promise<boolean> {
    const versions = this.document(documentId)?.versions ?? [];
    const plan = planFold(documentId, versions.map((version) => ({ ...version, byteLength: version.data.byteLength })), fold);
    if (!plan) return false;
    const index = versions.findIndex((version) => version.id === fold.versionId);
    const [removed] = versions.splice(index, 1) as [MemoryVersion];
    const successor = versions[index] as MemoryVersion;
    versions[index] = {
      ...successor,
      keyframe: fold.keyframe,
      data: new Uint8Array(fold.data),
      authors: [...new Set([...successor.authors, ...removed.authors])],
    };
    for (const [position, version] of versions.entries()) {
      const chainBytes = plan.chainBytes.get(version.id);
      if (chainBytes !== undefined) versions[position] = { ...version, chainBytes };
    }
    return true;
  }

  async clients(documentId: string): Promise<ClientAuthor[]> {
    const pairs = [...(this.document(documentId)?.clients ?? [])].map((pair) => {
      const separator = pair.indexOf(':');
      return { clientId: Number(pair.slice(0, separator)), userId: pair.slice(separator + 1) };
    });
    return pairs.sort((a, b) => a.clientId - b.clientId || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  private document(documentId: string): MemoryDocument | undefined {
    return this.data().documents.get(documentId);
  }

  private version(documentId: string, versionId: string): MemoryVersion | undefined {
    return this.document(documentId)?.versions.find((candidate) => candidate.id === versionId);
  }
}

function info(documentId: string, version: MemoryVersion): VersionInfo {
  return {
    id: version.id,
    documentId,
    number: version.number,
    kind: version.kind,
    name: version.name,
    createdAt: new Date(version.createdAt),
    createdBy: version.createdBy,
    throughSeq: version.throughSeq,
    keyframe: version.keyframe,
    byteLength: version.data.byteLength,
    authors: version.authors.map((id) => ({ id, name: null })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    restoredFrom: version.restoredFrom,
  };
}
