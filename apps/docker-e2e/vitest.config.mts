import { mergeConfig } from 'vitest/config';
import { projectTestConfig } from '../../vitest.shared.mjs';

// The image test builds both images (npm ci, two builds) before its checks: minutes, not seconds.
// Files run one after another: each of the heavy ones wants both cores.
export default mergeConfig(projectTestConfig({ testTimeout: 120_000 }), {
  test: {
    hookTimeout: 25 * 60_000,
    teardownTimeout: 60_000,
    fileParallelism: false,
  },
});
