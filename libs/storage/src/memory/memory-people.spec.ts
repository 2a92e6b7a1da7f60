import { describePeopleContract } from '../testing';
import { MemoryStorage } from './memory-storage';

describePeopleContract('MemoryStorage people', async () => {
  const storage = new MemoryStorage();
  const people = () => storage.people;
  return {
    storage,
    addPerson: async (id, name, email) => people().addPerson(id, name, email),
    addDocument: async (id, ownerId, title) => people().addDocument(id, ownerId, title),
    addMember: async (documentId, userId, role) => people().addMember(documentId, userId, role),
    trash: async (documentId) => people().trashDocument(documentId),
    roleOf: async (documentId, userId) => people().roleOf(documentId, userId),
    hasDocument: async (id) => people().hasDocument(id),
    hasPerson: async (id) => people().hasPerson(id),
  };
});
