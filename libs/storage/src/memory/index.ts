export { MemoryStorage } from './memory-storage';
export type { MemoryDocuments } from './memory-documents';
export type { MemoryCommentStore } from './memory-comment-store';
export type { MemoryWebhookStore } from './memory-webhook-store';
export type { MemoryFolderStore } from './memory-folder-store';
export type { MemoryPeopleStore } from './memory-people-store';
