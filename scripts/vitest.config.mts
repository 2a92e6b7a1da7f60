import { defineConfig } from 'vitest/config';

// The repository's own scripts (plain ES modules, no build): their pure parts are tested here.
export default defineConfig({
  test: { environment: 'node', include: ['**/*.spec.mjs'], passWithNoTests: false },
});
