import type { Storage } from '../storage';
import type { CommentFixture } from './comment-contract';

/** A {@link CommentFixture} over SQL storage, seeded through its directory (people are accounts, members commenters). */
export function sqlCommentFixture(storage: Storage, cleanup?: () => Promise<void>): CommentFixture {
  return {
    storage,
    addPerson: async (id, name) => {
      await storage.directory.createUser({ id, email: `${id}@example.com`, name, passwordHash: `scrypt$hash-of-${id}`, isAdmin: false });
    },
    addDocument: async (id, ownerId, title) => {
      await storage.directory.createOwnedDocument(id, ownerId, title);
    },
    addMember: (documentId, userId) => storage.directory.setMember(documentId, userId, 'commenter'),
    removeMember: async (documentId, userId) => {
      await storage.directory.removeMember(documentId, userId);
    },
    cleanup,
  };
}
