import { projectTestConfig } from '../../vitest.shared.mjs';

// Each Redis suite starts and restarts a redis-server of its own; a restart takes a moment.
export default projectTestConfig({ testTimeout: 30_000 });
