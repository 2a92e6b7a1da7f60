import { describeFolderContract } from '../testing';
import { MemoryStorage } from './memory-storage';

describeFolderContract('MemoryStorage folders', async () => {
  const storage = new MemoryStorage();
  return {
    storage,
    addPerson: async (id, name) => storage.folders.addPerson(id, name),
    addDocument: async (id, ownerId, title) => {
      await storage.documents.create(id, title);
      storage.folders.addDocumentMember(id, ownerId, 'owner');
    },
    addMember: async (documentId, userId, role) => storage.folders.addDocumentMember(documentId, userId, role),
    roleOf: async (documentId, userId) => storage.folders.roleOf(documentId, userId),
  };
});
