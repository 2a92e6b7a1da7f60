import { describeWebhookContract } from '../testing';
import { MemoryStorage } from './memory-storage';

describeWebhookContract('MemoryStorage webhooks', async () => {
  const storage = new MemoryStorage();
  return { storage, addAccount: async (id) => storage.webhooks.addAccount(id) };
});
