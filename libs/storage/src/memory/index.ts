export { MemoryStorage } from './memory-storage';
export type { MemoryDocuments } from './memory-documents';
