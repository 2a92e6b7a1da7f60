import type { Storage } from '../storage';
import type { FolderFixture } from './folder-contract';

/**
 * A {@link FolderFixture} over SQL storage, seeded through its directory. Its `roleOf` is the
 * directory's `getRole`, and checks that `getMemberDocument` and `listMemberDocuments` (the home
 * page's lists) agree with it: every read goes through the same documentAccess (access-sql.ts).
 */
export function sqlFolderFixture(storage: Storage, cleanup?: () => Promise<void>): FolderFixture {
  return {
    storage,
    addPerson: async (id, name) => {
      await storage.directory.createUser({ id, email: `${id}@example.com`, name, passwordHash: `scrypt$hash-of-${id}`, isAdmin: false });
    },
    addDocument: async (id, ownerId, title) => {
      await storage.directory.createOwnedDocument(id, ownerId, title);
    },
    addMember: (documentId, userId, role) => storage.directory.setMember(documentId, userId, role),
    roleOf: async (documentId, userId) => {
      const role = await storage.directory.getRole(documentId, userId);
      const single = (await storage.directory.getMemberDocument(documentId, userId))?.role;
      const listed = (await storage.directory.listMemberDocuments(userId)).find((document) => document.id === documentId)?.role;
      if (single !== role || listed !== role) throw new Error(`Roles disagree: getRole ${role}, getMemberDocument ${single}, listMemberDocuments ${listed}`);
      return role;
    },
    cleanup,
  };
}
