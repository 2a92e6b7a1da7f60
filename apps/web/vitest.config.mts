import { projectTestConfig } from '../../vitest.shared.mjs';

// Unit tests of the app's plain modules (API client, redirects); pages are tested in apps/web-e2e.
export default projectTestConfig();
