// Frame-once micro-benchmark (issue 24): `node apps/bench-peers/ab/frame-once-micro.cjs [recipients] [turns] [rounds]`
// after building the server. One process holds N real ws server sockets (perMessageDeflate off, as
// the collab adapter), a child process holds the N clients and counts bytes. The parent sends
// M messages (each ~60 B update + ~90 B awareness, as one turn of the fan-out) to every socket through
// Connection.sendAll, either with PreparedFrames (frame once) or without (ws.send per recipient),
// alternating modes, and reports parent CPU µs per delivered message.
const { fork } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
if (process.argv[2] === 'client') {
  const WebSocket = require('ws');
  const [url, n] = [process.argv[3], +process.argv[4]];
  let open = 0, got = 0;
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('open', () => { if (++open === n) process.send('open'); });
    ws.on('message', () => { got++; });
  }
  process.on('message', (m) => { if (m === 'count') process.send({ got }); });
  return;
}
const { WebSocketServer } = require('ws');
const { PreparedFrames, createHubContext } = require(join(root, 'libs/collab-core/dist/index.js'));
const { Connection } = require(join(root, 'libs/collab-core/dist/connection.js'));
const { ControlledStore } = require(join(root, 'libs/collab-core/dist/testing/index.js'));
const { WsConnection } = require(join(root, 'apps/server/dist/collab/ws-connection.js'));
const N = +(process.argv[2] || 100), TURNS = +(process.argv[3] || 2000), ROUNDS = +(process.argv[4] || 6);
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
const conns = [];
const ctx = createHubContext(new ControlledStore());
wss.on('connection', (ws) => conns.push(new Connection(new WsConnection(ws), { documentId: 'd', connectionId: String(conns.length) }, ctx, () => undefined)));
wss.on('listening', async () => {
  const child = fork(__filename, ['client', `ws://127.0.0.1:${wss.address().port}`, String(N)]);
  await new Promise((r) => child.once('message', r));
  const ask = () => new Promise((r) => { child.once('message', (m) => r(m.got)); child.send('count'); });
  const tick = () => new Promise((r) => setImmediate(r));
  const results = { on: [], off: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 ? ['on', 'off'] : ['off', 'on']) {
      const before = await ask();
      const t0 = process.cpuUsage();
      for (let turn = 0; turn < TURNS; turn++) {
        const update = new Uint8Array(60).fill(turn & 0xff), awareness = new Uint8Array(90).fill(1);
        const shared = mode === 'on' ? new PreparedFrames() : undefined;
        for (const c of conns) c.sendAll(update, awareness, shared);
        if (turn % 10 === 9) await tick();
      }
      const expected = before + 2 * TURNS * N;
      while ((await ask()) < expected) await new Promise((r) => setTimeout(r, 20));
      const cpu = process.cpuUsage(t0);
      results[mode].push((cpu.user + cpu.system) / (2 * TURNS * N));
    }
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`N=${N} turns=${TURNS} rounds=${ROUNDS} load ${require('os').loadavg()[0].toFixed(1)}`);
  for (const mode of ['off', 'on']) console.log(`${mode}: ${results[mode].map((x) => x.toFixed(2)).join(' ')}  median ${med(results[mode]).toFixed(2)} µs/delivery (server process)`);
  child.kill(); process.exit(0);
});
