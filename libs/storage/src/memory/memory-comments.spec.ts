import { describeCommentContract } from '../testing';
import { MemoryStorage } from './memory-storage';

describeCommentContract('MemoryStorage comments', async () => {
  const storage = new MemoryStorage();
  return {
    storage,
    addPerson: async (id, name) => storage.comments.addPerson(id, name),
    addDocument: async (id, ownerId, title) => {
      await storage.documents.create(id, title);
      storage.comments.addMember(id, ownerId);
    },
    addMember: async (documentId, userId) => storage.comments.addMember(documentId, userId),
    removeMember: async (documentId, userId) => storage.comments.removeMember(documentId, userId),
  };
});
