import { defineConfig, mergeConfig } from 'vitest/config';
import { projectTestConfig } from '../../vitest.shared.mjs';

// Each file starts real server processes; run files one after another to stay within 2 cores.
export default mergeConfig(
  projectTestConfig({ testTimeout: 60_000 }),
  defineConfig({ test: { fileParallelism: false, hookTimeout: 60_000 } }),
);
