import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * One test configuration for every project: workspace libraries resolve to their TypeScript source
 * (the `@quire/source` export condition), so tests never need a build of the libraries first.
 * Only Vite's own conditions are added to it: conditions such as `import` would also reach Node's
 * `require` of external packages and load ESM where CommonJS is expected (pg → pg-pool).
 */
export function projectTestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { conditions: ['@quire/source', ...defaultClientConditions] },
    ssr: { resolve: { conditions: ['@quire/source', ...defaultServerConditions] } },
    test: {
      environment: 'node',
      include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
      testTimeout: options.testTimeout ?? 10_000,
      passWithNoTests: false,
    },
  });
}
