import { projectTestConfig } from '../../vitest.shared.mjs';

const config = projectTestConfig();

// Vitest hands `ssr.resolve.conditions` to its workers as Node `--conditions`, so the shared list's
// 'import' and 'module' also steer every require() inside node_modules: pg's require('pg-pool') then
// loads pg-pool's ES module, and pg fails to load ("Class extends value [object Module]"). Vite adds
// 'import' or 'require' itself for what it resolves, so this project keeps only the others.
const ssrResolve = config.ssr?.resolve;
if (ssrResolve?.conditions) {
  ssrResolve.conditions = ssrResolve.conditions.filter((condition) => condition !== 'import' && condition !== 'module');
}

export default config;
