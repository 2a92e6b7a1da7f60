import { describe, expect, it } from 'vitest';
import { StorageError } from '../storage-error';
import type { NewDelivery, WebhookStore } from '../webhook-store';
import { useContractStorage } from './contract-lifecycle-hooks';

interface WebhookStorage {
  readonly webhooks: WebhookStore;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** What a webhook contract factory provides for one test: storage over an empty database, and ways to seed it. */
export interface WebhookFixture {
  /** Not yet opened: the suite opens it. */
  readonly storage: WebhookStorage;
  /** Makes an account a webhook may belong to. */
  readonly addAccount: (id: string) => Promise<void>;
  /** A second storage over the same database (another instance), not yet opened; where there can be one. */
  readonly another?: () => WebhookStorage;
  readonly cleanup?: () => Promise<void>;
}

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/**
 * Registers the tests every {@link WebhookStore} adapter must pass, under `describe(name)`.
 * `makeFixture` is called before each test and must give storage no other test sees.
 */
export function describeWebhookContract(name: string, makeFixture: () => Promise<WebhookFixture>): void {
  describe(name, () => {
    const state = useContractStorage<WebhookStorage, WebhookFixture>(makeFixture);
    const webhooks = () => state.current!.webhooks;

    async function seed() {
      await state.fixture!.addAccount('user-ada');
      await state.fixture!.addAccount('user-bob');
      await webhooks().createWebhook({ id: 'wh-all', ownerId: 'user-ada', url: 'https://hooks.example/all', events: ['document.created', 'document.updated'], documentId: null, secret: 's-all' });
      await webhooks().createWebhook({ id: 'wh-doc', ownerId: 'user-ada', url: 'https://hooks.example/doc', events: ['document.updated', 'member.added'], documentId: 'doc-1', secret: 's-doc' });
      await webhooks().createWebhook({ id: 'wh-bob', ownerId: 'user-bob', url: 'https://hooks.example/bob', events: ['document.updated'], documentId: null, secret: 's-bob' });
    }

    const delivery = (id: string, webhookId = 'wh-all'): NewDelivery => ({ id, webhookId, event: 'document.updated', body: `{"id":"${id}"}` });

    it('stores webhooks, lists an owner’s newest first, and deletes one only for its owner', async () => {
      await seed();
      expect(await webhooks().getWebhook('wh-doc')).toEqual({
        id: 'wh-doc',
        ownerId: 'user-ada',
        url: 'https://hooks.example/doc',
        events: ['document.updated', 'member.added'],
        documentId: 'doc-1',
        secret: 's-doc',
        createdAt: expect.any(Date),
        disabledAt: null,
        disabledReason: null,
      });
      expect((await webhooks().listWebhooks('user-ada')).map((webhook) => webhook.id)).toEqual(['wh-doc', 'wh-all']);
      expect(await webhooks().deleteWebhook('wh-doc', 'user-bob')).toBe(false);
      expect(await webhooks().deleteWebhook('wh-doc', 'user-ada')).toBe(true);
      expect(await webhooks().deleteWebhook('wh-doc', 'user-ada')).toBe(false);
      expect(await webhooks().getWebhook('wh-doc')).toBeUndefined();
      expect((await webhooks().listWebhooks('user-ada')).map((webhook) => webhook.id)).toEqual(['wh-all']);
    });

    it('refuses a webhook for an owner that is not an account', async () => {
      const made = webhooks().createWebhook({ id: 'wh-x', ownerId: 'nobody', url: 'https://hooks.example/x', events: ['document.created'], documentId: null, secret: 's' });
      await expect(made).rejects.toBeInstanceOf(StorageError);
      await expect(made).rejects.toMatchObject({ code: 'invalid-argument' });
    });

    it('finds the subscribers of an event: the document’s own webhooks and its owner’s, subscribed to it', async () => {
      await seed();
      const ids = async (...args: Parameters<WebhookStore['subscribers']>) => (await webhooks().subscribers(...args)).map((webhook) => webhook.id).sort();
      expect(await ids('document.updated', 'doc-1', 'user-ada')).toEqual(['wh-all', 'wh-doc']);
      expect(await ids('member.added', 'doc-1', 'user-ada')).toEqual(['wh-doc']);
      expect(await ids('document.created', 'doc-2', 'user-ada')).toEqual(['wh-all']);
      expect(await ids('document.updated', 'doc-2', 'user-bob')).toEqual(['wh-bob']);
      expect(await ids('document.deleted', 'doc-1', 'user-ada')).toEqual([]);
      expect(await ids('document.updated', 'doc-1', null)).toEqual(['wh-doc']);
    });

    it('stores deliveries pending, lists them newest first, drops those of a deleted webhook, and deletes them with it', async () => {
      await seed();
      await webhooks().enqueueDeliveries([delivery('d1'), delivery('d2'), delivery('d-gone', 'no-such-webhook')], T0);
      await webhooks().enqueueDeliveries([delivery('d3')], at(1000));
      const listed = await webhooks().listDeliveries('wh-all', 100);
      expect(listed.map((entry) => entry.id)).toEqual(['d3', 'd2', 'd1']);
      expect(listed[2]).toEqual({
        id: 'd1',
        webhookId: 'wh-all',
        event: 'document.updated',
        body: '{"id":"d1"}',
        status: 'pending',
        attempts: 0,
        createdAt: T0,
        nextAttemptAt: T0,
        lastAttemptAt: null,
        responseStatus: null,
        error: null,
      });
      expect((await webhooks().listDeliveries('wh-all', 2)).map((entry) => entry.id)).toEqual(['d3', 'd2']);
      await webhooks().deleteWebhook('wh-all', 'user-ada');
      expect(await webhooks().listDeliveries('wh-all', 100)).toEqual([]);
      expect(await webhooks().claimDueDeliveries({ now: at(5000), leaseMs: 1000, limit: 10, claim: 'c' })).toEqual([]);
    });

    it('claims due deliveries once each, with the webhook’s address and secret, until the lease runs out', async () => {
      await seed();
      await webhooks().enqueueDeliveries([delivery('d1'), delivery('d2', 'wh-doc')], T0);
      await webhooks().enqueueDeliveries([delivery('d3')], at(10_000));
      const first = await webhooks().claimDueDeliveries({ now: at(1000), leaseMs: 5000, limit: 10, claim: 'claim-a' });
      expect(first.map((entry) => entry.id)).toEqual(['d1', 'd2']);
      expect(first[1]).toMatchObject({ url: 'https://hooks.example/doc', secret: 's-doc', claim: 'claim-a', attempts: 1, lastAttemptAt: at(1000), leaseUntil: at(6000) });
      // Held: nobody else gets them while the lease lasts.
      expect(await webhooks().claimDueDeliveries({ now: at(2000), leaseMs: 5000, limit: 10, claim: 'claim-b' })).toEqual([]);
      // The lease ran out (the worker died): another claims them, a second attempt.
      const again = await webhooks().claimDueDeliveries({ now: at(6000), leaseMs: 5000, limit: 1, claim: 'claim-c' });
      expect(again.map((entry) => [entry.id, entry.attempts, entry.claim])).toEqual([['d1', 2, 'claim-c']]);
      // The old claim can no longer finish it; the new one can.
      expect(await webhooks().finishDelivery('d1', 'claim-a', { kind: 'delivered', responseStatus: 200 }, at(6100))).toBe(false);
      expect(await webhooks().finishDelivery('d1', 'claim-c', { kind: 'delivered', responseStatus: 204 }, at(6100))).toBe(true);
      expect(await webhooks().finishDelivery('d1', 'claim-c', { kind: 'delivered', responseStatus: 204 }, at(6100))).toBe(false);
      const [stored] = (await webhooks().listDeliveries('wh-all', 100)).filter((entry) => entry.id === 'd1');
      expect(stored).toMatchObject({ status: 'delivered', responseStatus: 204, attempts: 2, error: null });
      // d3 is due at 10 s only.
      expect((await webhooks().claimDueDeliveries({ now: at(12_000), leaseMs: 5000, limit: 10, claim: 'claim-d' })).map((entry) => entry.id)).toEqual(['d2', 'd3']);
    });

    it('a retry waits for its time; a failure given up disables the webhook with its reason, and its deliveries wait', async () => {
      await seed();
      await webhooks().enqueueDeliveries([delivery('d1'), delivery('d2')], T0);
      const [d1, d2] = await webhooks().claimDueDeliveries({ now: T0, leaseMs: 5000, limit: 10, claim: 'a' });
      expect(await webhooks().finishDelivery(d1!.id, 'a', { kind: 'retry', responseStatus: 500, error: 'The receiver answered 500', nextAttemptAt: at(30_000) }, at(100))).toBe(true);
      expect(await webhooks().finishDelivery(d2!.id, 'a', { kind: 'retry', responseStatus: null, error: 'timeout', nextAttemptAt: at(60_000) }, at(100))).toBe(true);
      expect(await webhooks().claimDueDeliveries({ now: at(20_000), leaseMs: 5000, limit: 10, claim: 'b' })).toEqual([]);
      const retried = await webhooks().claimDueDeliveries({ now: at(30_000), leaseMs: 5000, limit: 10, claim: 'b' });
      expect(retried.map((entry) => [entry.id, entry.attempts, entry.responseStatus, entry.error])).toEqual([['d1', 2, 500, 'The receiver answered 500']]);
      const reason = 'Deliveries failed for 24 hours (last: the receiver answered 500)';
      expect(await webhooks().finishDelivery('d1', 'b', { kind: 'failed', responseStatus: 500, error: 'The receiver answered 500', disableWebhook: reason }, at(31_000))).toBe(true);
      expect(await webhooks().getWebhook('wh-all')).toMatchObject({ disabledAt: at(31_000), disabledReason: reason });
      expect((await webhooks().listDeliveries('wh-all', 100)).find((entry) => entry.id === 'd1')).toMatchObject({ status: 'failed', responseStatus: 500 });
      // d2 is due, but its webhook is disabled.
      expect(await webhooks().claimDueDeliveries({ now: at(90_000), leaseMs: 5000, limit: 10, claim: 'c' })).toEqual([]);
      expect((await webhooks().subscribers('document.updated', 'doc-9', 'user-ada')).map((webhook) => webhook.id)).toEqual([]);
    });

    it('purges delivered and failed deliveries stored before a time; pending ones stay, however old', async () => {
      await seed();
      await webhooks().enqueueDeliveries([delivery('old-done'), delivery('old-failed'), delivery('old-pending')], T0);
      await webhooks().enqueueDeliveries([delivery('new-done')], at(60_000));
      const claimed = await webhooks().claimDueDeliveries({ now: at(60_000), leaseMs: 1000, limit: 10, claim: 'c' });
      expect(claimed.map((entry) => entry.id).sort()).toEqual(['new-done', 'old-done', 'old-failed', 'old-pending']);
      await webhooks().finishDelivery('old-done', 'c', { kind: 'delivered', responseStatus: 200 }, at(60_000));
      await webhooks().finishDelivery('new-done', 'c', { kind: 'delivered', responseStatus: 200 }, at(60_000));
      await webhooks().finishDelivery('old-failed', 'c', { kind: 'failed', responseStatus: 500, error: 'gone' }, at(60_000));
      await webhooks().finishDelivery('old-pending', 'c', { kind: 'retry', responseStatus: 500, error: 'later', nextAttemptAt: at(120_000) }, at(60_000));
      expect(await webhooks().purgeDeliveries(at(30_000))).toBe(2);
      expect((await webhooks().listDeliveries('wh-all', 100)).map((entry) => entry.id).sort()).toEqual(['new-done', 'old-pending']);
      expect(await webhooks().purgeDeliveries(at(30_000))).toBe(0);
    });

    it('two storages over one database claim many deliveries at once without sharing one', async () => {
      const another = state.fixture!.another;
      if (!another) return;
      await seed();
      const many = Array.from({ length: 60 }, (_, index) => delivery(`d${String(index).padStart(2, '0')}`));
      await webhooks().enqueueDeliveries(many, T0);
      const second = another();
      state.made.push(second);
      await second.open();
      const claimed: string[] = [];
      await Promise.all(
        [webhooks(), second.webhooks].flatMap((store, side) =>
          Array.from({ length: 6 }, async (_, round) => {
            const got = await store.claimDueDeliveries({ now: at(1000), leaseMs: 60_000, limit: 7, claim: `side-${side}-${round}` });
            claimed.push(...got.map((entry) => entry.id));
          }),
        ),
      );
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.length).toBe(60);
    });
  });
}
