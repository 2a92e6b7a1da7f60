import { LocalDocumentBus, type DocumentBus } from '@quire/bus';
import { RedisDocumentBus } from '@quire/bus/redis';
import type { Logger } from 'pino';

/** How long the server waits for Redis at start before serving without it (it keeps retrying). */
export const REDIS_START_WAIT_MS = 5_000;

/**
 * The bus `REDIS_URL` asks for: Redis pub/sub when set, else an in-process bus (a single
 * instance). Redis being unreachable does not stop the start: editing works on this instance
 * meanwhile, and every document catches up from the store once Redis is back.
 */
export async function openDocumentBus(redisUrl: string | undefined, logger: Logger): Promise<DocumentBus> {
  if (redisUrl === undefined) return new LocalDocumentBus();
  const bus = new RedisDocumentBus({ url: redisUrl, logger: logger.child({ component: 'bus' }) });
  const host = redactedHost(redisUrl);
  if (await bus.whenUp(REDIS_START_WAIT_MS)) {
    logger.info({ redis: host, instanceId: bus.instanceId }, 'Document bus connected (Redis)');
  } else {
    logger.warn(
      { redis: host, instanceId: bus.instanceId, waitedMs: REDIS_START_WAIT_MS },
      'Redis unreachable at start; serving anyway, other instances will see this one’s edits once it is reachable',
    );
  }
  return bus;
}

/** Host, port and database of a Redis URL, without user or password, for logs. */
function redactedHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'unparseable';
  }
}
