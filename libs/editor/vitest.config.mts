import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { projectTestConfig } from '../../vitest.shared.mjs';

// prosemirror-autocomplete is not an ES module package and has no `exports` map, so Node would
// load its CommonJS build, and with it the CommonJS copy of prosemirror-state (two Plugin classes;
// plugin keys clash). Tests load its ES module build through Vite, as the web app's bundler does.
const autocompleteEsm = fileURLToPath(new URL('../../node_modules/prosemirror-autocomplete/dist/esm/index.js', import.meta.url));

export default mergeConfig(projectTestConfig(), {
  resolve: { alias: { 'prosemirror-autocomplete': autocompleteEsm } },
  test: { server: { deps: { inline: [/prosemirror-autocomplete/] } } },
});
