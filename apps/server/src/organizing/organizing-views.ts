import type { RecentDocumentView, StarredDocumentView, TrashedDocumentView } from '@quire/api-contract';
import type { RecentDocument, StarredDocument } from '@quire/storage';
import { toDocumentView, toListedDocumentView } from '../documents/document-view';
import type { TrashEntry } from './trash-service';

export function toTrashedView(entry: TrashEntry): TrashedDocumentView {
  return { ...toDocumentView(entry), deletedAt: entry.deletedAt.toISOString(), purgeAt: entry.purgeAt.toISOString() };
}

export function toStarredView(document: StarredDocument): StarredDocumentView {
  return { ...toListedDocumentView(document), starredAt: document.starredAt.toISOString() };
}

export function toRecentView(document: RecentDocument): RecentDocumentView {
  return { ...toListedDocumentView(document), openedAt: document.openedAt.toISOString() };
}
