import type { Storage } from '../storage';
import type { PeopleFixture } from './people-contract';

/** A {@link PeopleFixture} over SQL storage, seeded and read through its directory. */
export function sqlPeopleFixture(storage: Storage, cleanup?: () => Promise<void>): PeopleFixture {
  return {
    storage,
    addPerson: async (id, name, email) => {
      await storage.directory.createUser({ id, email, name, passwordHash: `scrypt$hash-of-${id}`, isAdmin: false });
    },
    addDocument: async (id, ownerId, title) => {
      await storage.directory.createOwnedDocument(id, ownerId, title);
    },
    addMember: (documentId, userId, role) => storage.directory.setMember(documentId, userId, role),
    trash: async (documentId) => {
      await storage.directory.trashDocument(documentId, new Date());
    },
    roleOf: (documentId, userId) => storage.directory.getRole(documentId, userId),
    hasDocument: async (id) => (await storage.directory.getDocument(id)) !== undefined,
    hasPerson: async (id) => (await storage.directory.getUser(id)) !== undefined,
    cleanup,
  };
}
