import { projectTestConfig } from '../../vitest.shared.mjs';

const config = projectTestConfig();

// Vitest hands `ssr.resolve.conditions` to its workers as Node `--conditions`, so the shared list's
// 'module' (and 'import') also steer every package inside node_modules: with them the AWS SDK
// loads its `dist-es` build, whose extensionless imports Node cannot resolve. Vite adds 'import' or
// 'require' itself for what it resolves, so this project keeps only the others (as libs/storage).
const ssrResolve = config.ssr?.resolve;
if (ssrResolve?.conditions) {
  ssrResolve.conditions = ssrResolve.conditions.filter((condition) => condition !== 'import' && condition !== 'module');
}

export default config;
