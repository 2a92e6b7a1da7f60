import { mergeConfig } from 'vitest/config';
import { projectTestConfig } from '../../vitest.shared.mjs';

// One server and one web app for every file (global setup); files run one at a time so that
// latency figures are not skewed by other browsers working in parallel.
export default mergeConfig(projectTestConfig({ testTimeout: 120_000 }), {
  test: {
    globalSetup: ['./src/harness/global-setup.ts'],
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
  },
});
