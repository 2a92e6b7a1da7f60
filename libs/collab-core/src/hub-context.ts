import { LocalDocumentBus, type DocumentBus } from '@quire/bus';
import type { UpdateLog } from '@quire/storage';
import { DEFAULT_COMPACTION_LIMITS, type CompactionLimits } from './compaction';
import { DEFAULT_HUB_LIMITS, type HubLimits } from './limits';
import { silentLogger, type HubLogger } from './logger';
import { noopMetrics, type HubMetrics } from './metrics';
import { StoreHealth } from './store-health';
import type { VersionRecorder } from './version-recorder';

/** What every document and connection of one hub shares. */
export interface HubContext {
  readonly store: UpdateLog;
  readonly logger: HubLogger;
  readonly metrics: HubMetrics;
  readonly limits: HubLimits;
  readonly compaction: CompactionLimits;
  readonly health: StoreHealth;
  /** Where updates and awareness go to, and come from, the other instances. */
  readonly bus: DocumentBus;
  /** Records automatic versions; none without a version history. */
  readonly versions?: VersionRecorder;
}

/** A context with defaults for everything but the store; tests override what they look at. */
export function createHubContext(
  store: UpdateLog,
  overrides: Partial<Omit<HubContext, 'store' | 'limits'>> & { limits?: Partial<HubLimits> } = {},
): HubContext {
  return {
    store,
    logger: overrides.logger ?? silentLogger,
    metrics: overrides.metrics ?? noopMetrics,
    limits: { ...DEFAULT_HUB_LIMITS, ...overrides.limits },
    compaction: overrides.compaction ?? DEFAULT_COMPACTION_LIMITS,
    health: overrides.health ?? new StoreHealth(),
    // Alone on a network of its own: a single instance, where a publish reaches nobody.
    bus: overrides.bus ?? new LocalDocumentBus(),
    ...(overrides.versions ? { versions: overrides.versions } : {}),
  };
}
