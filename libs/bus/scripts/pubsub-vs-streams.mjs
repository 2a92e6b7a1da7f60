// Measures what carrying document updates between instances costs over Redis pub/sub and over
// Redis Streams, to choose between them (libs/bus/README.md, "Why pub/sub"). Starts its own
// redis-server on a free port and stops it at the end.
//
//   node libs/bus/scripts/pubsub-vs-streams.mjs [messages=4000] [documents=1,1000]
//
// One publishing connection and one receiving connection, as two instances would have. Messages
// of 40 bytes (a keystroke update and the bus header) go to a random one of `documents` documents
// the receiver follows, two per 1 ms timer tick. Pub/sub: PUBLISH per message, the receiver SUBSCRIBEd
// to every document's channel. Streams: XADD per message (MAXLEN ~ 1000 per document), the
// receiver in an XREAD BLOCK loop over every document's stream. Reported: publish-to-receipt
// latency p50/p99, Redis CPU and client CPU per message.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';

const MESSAGES = Number(process.argv[2] ?? 4000);
const DOCUMENT_COUNTS = (process.argv[3] ?? '1,1000').split(',').map(Number);
const PER_TICK = 2;
const PAYLOAD = Buffer.alloc(40, 7);

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function redisCpu(client) {
  const info = await client.info('cpu');
  const read = (name) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return read('used_cpu_user') + read('used_cpu_sys');
}

/** Sends MESSAGES on a fixed schedule through `send(document, index)`; `received` counts arrivals. */
async function drive(admin, send, received) {
  const sentAt = new Float64Array(MESSAGES);
  const cpuBefore = process.cpuUsage();
  const redisBefore = await redisCpu(admin);
  // A timer, not a spin on setImmediate, so that the client's CPU time is its own work.
  let next = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      for (let burst = 0; burst < PER_TICK && next < MESSAGES; burst++) {
        sentAt[next] = performance.now();
        send(next);
        next += 1;
      }
      if (next === MESSAGES) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  const deadline = Date.now() + 30_000;
  while (received.count < MESSAGES) {
    if (Date.now() > deadline) throw new Error(`only ${received.count} of ${MESSAGES} arrived`);
    await sleep(5);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const redisAfter = await redisCpu(admin);
  const latencies = Float64Array.from(received.at, (at, index) => at - sentAt[index]).sort();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    clientCpuUsPerMessage: (cpu.user + cpu.system) / MESSAGES,
    redisCpuUsPerMessage: ((redisAfter - redisBefore) * 1e6) / MESSAGES,
  };
}

function message(index) {
  const buffer = Buffer.from(PAYLOAD);
  buffer.writeUInt32LE(index, 0);
  return buffer;
}

async function pubsub(url, admin, documents) {
  const publisher = new Redis(url);
  const subscriber = new Redis(url);
  const received = { count: 0, at: new Float64Array(MESSAGES) };
  subscriber.on('messageBuffer', (_channel, data) => {
    received.at[data.readUInt32LE(0)] = performance.now();
    received.count += 1;
  });
  for (let first = 0; first < documents; first += 500) {
    const channels = [];
    for (let d = first; d < Math.min(documents, first + 500); d++) channels.push(`quire:doc:d${d}`);
    await subscriber.subscribe(...channels);
  }
  const result = await drive(admin, (index) => void publisher.publish(`quire:doc:d${index % documents}`, message(index)), received);
  publisher.disconnect();
  subscriber.disconnect();
  return result;
}

async function streams(url, admin, documents) {
  const writer = new Redis(url);
  const reader = new Redis(url);
  const keys = Array.from({ length: documents }, (_unused, d) => `quire:stream:d${d}`);
  await admin.del(...keys);
  // From the start of each (emptied) stream: '$' would skip what arrives between two XREADs.
  const lastIds = new Map(keys.map((key) => [key, '0']));
  const received = { count: 0, at: new Float64Array(MESSAGES) };
  let reading = true;
  const loop = (async () => {
    while (reading) {
      const reply = await reader.xreadBuffer('COUNT', 1000, 'BLOCK', 200, 'STREAMS', ...keys, ...keys.map((key) => lastIds.get(key)));
      const now = performance.now();
      for (const [key, entries] of reply ?? []) {
        for (const [id, fields] of entries) {
          received.at[fields[1].readUInt32LE(0)] = now;
          received.count += 1;
          lastIds.set(key.toString(), id.toString());
        }
      }
    }
  })();
  await sleep(100);
  const result = await drive(
    admin,
    (index) => void writer.xaddBuffer(keys[index % documents], 'MAXLEN', '~', '1000', '*', 'u', message(index)),
    received,
  );
  reading = false;
  await loop;
  await admin.del(...keys);
  writer.disconnect();
  reader.disconnect();
  return result;
}

const port = await freePort();
const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
const admin = new Redis(url, { retryStrategy: (times) => (times > 50 ? null : 100) });
admin.on('error', () => undefined); // refused until redis-server listens
try {
  await admin.ping();
  console.log(`${MESSAGES} messages of ${PAYLOAD.length} bytes, ${PER_TICK} every millisecond timer tick, Redis ${(await admin.info('server')).match(/redis_version:(\S+)/)[1]}`);
  console.log('transport  documents  p50 ms  p99 ms  redis µs/msg  client µs/msg');
  for (const documents of DOCUMENT_COUNTS) {
    // A discarded warm-up of each, then the measured run.
    await pubsub(url, admin, documents);
    const p = await pubsub(url, admin, documents);
    await streams(url, admin, documents);
    const s = await streams(url, admin, documents);
    for (const [name, r] of [
      ['pub/sub', p],
      ['streams', s],
    ]) {
      console.log(
        `${name.padEnd(9)}  ${String(documents).padStart(9)}  ${r.p50.toFixed(3).padStart(6)}  ${r.p99.toFixed(3).padStart(6)}  ${r.redisCpuUsPerMessage.toFixed(1).padStart(12)}  ${r.clientCpuUsPerMessage.toFixed(1).padStart(13)}`,
      );
    }
  }
} finally {
  admin.disconnect();
  server.kill('SIGTERM');
}
