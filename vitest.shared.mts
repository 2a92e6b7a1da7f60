import { defineConfig } from 'vitest/config';

/**
 * One test configuration for every project: workspace libraries resolve to their TypeScript source
 * (the `@quire/source` export condition), so tests never need a build of the libraries first.
 */
export function projectTestConfig(options: { testTimeout?: number; environment?: 'node' | 'jsdom' } = {}) {
  const conditions = ['@quire/source', 'node', 'import', 'module', 'default'];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@quire/source'] } },
    test: {
      environment: options.environment ?? 'node',
      include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
      testTimeout: options.testTimeout ?? 10_000,
      reporters: ['default'],
      passWithNoTests: false,
    },
  });
}
