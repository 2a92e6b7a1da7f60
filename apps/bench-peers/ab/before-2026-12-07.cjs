// A/B switch for comparing before and after issue 24's 2026-12-07 changes in one build,
// alternating runs: preloaded into every process of a benchmark run (NODE_OPTIONS="-r <this file>"),
// it acts only in Quire's server and puts back the code as it was before: ws.send per recipient
// (no frame once), and SQLite's isDisabled preparing its statement on every call.
const { join } = require('node:path');

if ((process.argv[1] || '').endsWith(join('apps', 'server', 'dist', 'main.js'))) {
  const root = join(__dirname, '..', '..', '..');
  const { WsConnection } = require(join(root, 'apps/server/dist/collab/ws-connection.js'));
  delete WsConnection.prototype.prepareFrames;
  delete WsConnection.prototype.sendPrepared;
  const { SqlitePeopleStore } = require(join(root, 'libs/storage/dist/sqlite/sqlite-people-store.js'));
  SqlitePeopleStore.prototype.isDisabled = async function isDisabled(userId) {
    return this.db().prepare('SELECT 1 FROM disabled_users WHERE user_id = ?').get(userId) !== undefined;
  };
}
