import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** The command that starts Redis; `QUIRE_REDIS_SERVER` overrides it. */
export function redisServerCommand(): string {
  return process.env['QUIRE_REDIS_SERVER'] ?? 'redis-server';
}

/**
 * Checks that `redis-server` can be started here; call it with top-level await and skip with
 * `describe.skipIf(!available)`. Missing, it throws under `CI=true`, where the Redis suites must
 * run, and elsewhere warns why and resolves false.
 */
export async function findRedisServer(suite: string): Promise<boolean> {
  const command = redisServerCommand();
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (!probe.error && probe.status === 0) return true;
  const reason = `${command} cannot be run (${probe.error?.message || probe.stderr?.trim() || `exit ${probe.status}`})`;
  if (isCi()) {
    throw new Error(`${suite}: ${reason}, and CI is set: Redis suites must run in CI. Install redis-server or set QUIRE_REDIS_SERVER`);
  }
  console.warn(`Skipping ${suite}: ${reason}. Install redis-server (apt-get install redis-server) or set QUIRE_REDIS_SERVER to run it`);
  return false;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A redis-server of a test's own, on a port of its own, with no persistence: stopping and
 * starting it again is a Redis restart that loses every subscription, as in production.
 */
export class RedisServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  private log = '';

  private constructor(readonly port: number) {}

  /** Starts a server on a free port (or `port`) and resolves once it answers PING. */
  static async start(options: { port?: number } = {}): Promise<RedisServer> {
    const server = new RedisServer(options.port ?? (await freePort()));
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Everything the server printed (its last 20 kB), for failure messages. */
  get output(): string {
    return this.log;
  }

  /** Starts it (again, on the same port) and resolves once it answers PING. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      redisServerCommand(),
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const append = (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => {
      if (this.child === child) this.child = undefined;
    });
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(this.port))) {
      if (this.child !== child) throw new Error(`redis-server exited before it was ready:\n${this.log}`);
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`redis-server not ready within 10 s:\n${this.log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops it with SIGTERM and waits for the exit. */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  /** Stops it with SIGKILL (a crash: clients see their connections reset) and waits for the exit. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    await this.exited;
    this.child = undefined;
  }
}

/** True when something on `port` answers `PING` with `+PONG`. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function isCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
