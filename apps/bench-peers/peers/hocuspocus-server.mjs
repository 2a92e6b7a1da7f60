// @hocuspocus/server with its defaults, on the port the runner gives. `quiet` only silences the
// start banner; no extension, so documents live in memory only (Hocuspocus stores nothing itself).
// Plain JavaScript beside this folder's package.json, so that it resolves the Hocuspocus installed
// here (README.md, "The peers").
import { Server } from '@hocuspocus/server';

const port = Number(process.env['PORT']);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set to a port number');

const server = new Server({ port, address: '127.0.0.1', quiet: true });
server.listen().catch((error) => {
  process.stderr.write(`Hocuspocus failed to start: ${String(error)}\n`);
  process.exit(1);
});
