import type { Storage } from '../storage';
import type { FolderFixture } from './folder-contract';

/**
 * A {@link FolderFixture} over SQL storage, seeded through its directory. Its `roleOf` is the
 * directory's `getRole`, and checks that `getMemberDocument`, `listMemberDocuments` and the home
 * page's paged lists (`listOwnedDocuments`, `listSharedDocuments`) agree with it: every read goes
 * through the same documentAccess (access-sql.ts), or an owner's own membership.
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
      const page = { limit: 1_000 };
      const paged = [...(await storage.directory.listOwnedDocuments(userId, page)), ...(await storage.directory.listSharedDocuments(userId, page))];
      const inPages = paged.filter((document) => document.id === documentId);
      if (inPages.length > 1 || inPages[0]?.role !== role) throw new Error(`Roles disagree: getRole ${role}, the home page's lists ${inPages.map((document) => document.role).join(', ')}`);
      return role;
    },
    cleanup,
  };
}
