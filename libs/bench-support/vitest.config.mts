import { projectTestConfig } from '../../vitest.shared.mjs';

// The trace spec parses the whole editing trace (259,778 operations) once.
export default projectTestConfig({ testTimeout: 30_000 });
