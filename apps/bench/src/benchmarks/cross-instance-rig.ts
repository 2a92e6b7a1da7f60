import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { decodeMessage, encodeUpdate, messageSync, syncStep1 } from '@quire/protocol';
import Redis from 'ioredis';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { Typist } from '@quire/bench-support';
import { freePort } from '@quire/testing';
import { UpdateReceipts } from '../update-receipts';
import { waitFor } from '../wait';

/**
 * CPU seconds a process has used so far, all its threads: the scheduler's nanosecond count from
 * `/proc/<pid>/task/<tid>/schedstat`. `/proc/<pid>/stat` counts in 10 ms ticks, too coarse for
 * segments of a few hundred milliseconds of CPU.
 */
export function processCpuSeconds(pid: number): number {
  let nanoseconds = 0;
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read; its time is gone with it.
    }
  }
  return nanoseconds / 1e9;
}

/** Why this machine cannot measure the built server from outside, or `undefined` when it can. */
export function missingServerPrerequisite(serverMain: string): string | undefined {
  if (!existsSync('/proc/self/task')) return 'server CPU is read from /proc (Linux only)';
  if (!existsSync(serverMain)) return `the server is not built (${serverMain}); run npx nx run server:build first`;
  return undefined;
}

/** What {@link missingServerPrerequisite} says, or else whether `redis-server` is missing. */
export function missingPrerequisite(serverMain: string): string | undefined {
  const missing = missingServerPrerequisite(serverMain);
  if (missing) return missing;
  const redis = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return redis.error || redis.status !== 0 ? 'redis-server is not installed' : undefined;
}

/** A child process the benchmark started and stops. */
export interface Child {
  readonly pid: number;
  readonly port: number;
  stop(): Promise<void>;
}

function track(child: ChildProcess, port: number): Child {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid ?? -1,
    port,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A redis-server on a free port without persistence, with a client to read its CPU time. */
export async function startRedis(): Promise<Child & { readonly url: string; cpuSeconds(): Promise<number> }> {
  const port = await freePort();
  const child = track(
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }),
    port,
  );
  const url = `redis://127.0.0.1:${port}`;
  const admin = new Redis(url, { retryStrategy: () => 50 });
  admin.on('error', () => undefined); // refused until redis-server listens
  try {
    await waitFor(() => admin.status === 'ready', 'redis-server to answer', 10_000);
  } catch (error) {
    admin.disconnect();
    await child.stop();
    throw error;
  }
  return {
    ...child,
    url,
    cpuSeconds: async () => {
      const info = await admin.info('cpu');
      const read = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
      return read('used_cpu_user') + read('used_cpu_sys');
    },
    stop: async () => {
      admin.disconnect();
      await child.stop();
    },
  };
}

/**
 * The built collaboration server in a process of its own; resolves once `/health` answers 200.
 * Its log (warnings and worse: the setup code of a fresh database among them) is kept for `output()`.
 */
export async function startServer(
  main: string,
  env: Record<string, string>,
): Promise<Child & { readonly httpUrl: string; readonly wsUrl: string; output(): string }> {
  const port = await freePort();
  // QUIRE_BENCH_SERVER_PROFILE=<dir>: a V8 CPU profile of each server process, as in bench-peers.
  const profile = process.env['QUIRE_BENCH_SERVER_PROFILE'];
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const process_ = spawn(process.execPath, [...flags, main], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  process_.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const child = track(process_, port);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (process_.exitCode !== null) throw new Error(`the server exited at start (code ${process_.exitCode})`);
    const status = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.status, () => 0);
    if (status === 200) break;
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error('the server was not ready within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ...child, httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/collab`, output: () => output };
}

/** Opens a WebSocket and resolves once the server has sent its sync step 1 (the client is attached). */
function attach(url: string, onFrame: (frame: Buffer) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'nodebuffer';
    let attached = false;
    socket.on('message', (data: Buffer) => {
      if (!attached && data[0] === messageSync && data[1] === syncStep1) {
        attached = true;
        resolve(socket);
      }
      onFrame(data);
    });
    socket.once('error', reject);
    socket.once('close', (code) => {
      if (!attached) reject(new Error(`closed with ${code} before it was attached`));
    });
  });
}

/** Types into its own Y.Doc and sends each keystroke's update at once, timestamping the send. */
export class Writer {
  readonly doc = new Y.Doc();
  readonly sentAt: number[] = [];
  /** The writer's clock after each update sent: what a reader must hold to have received it. */
  readonly clocks: number[] = [];
  private readonly typist = new Typist(this.doc);
  private socket: WebSocket | undefined;

  async connect(url: string): Promise<void> {
    this.socket = await attach(url, () => undefined);
    this.doc.on('update', (update: Uint8Array) => {
      this.sentAt.push(performance.now());
      this.clocks.push(Y.getState(this.doc.store, this.doc.clientID));
      this.socket?.send(encodeUpdate(update));
    });
  }

  press(): void {
    this.typist.press();
  }

  close(): void {
    this.socket?.close();
    this.doc.destroy();
  }
}

/** Receives only: records each relayed update frame as it arrives (see {@link UpdateReceipts}). */
export class Reader {
  readonly receipts = new UpdateReceipts();
  private socket: WebSocket | undefined;

  async connect(url: string): Promise<void> {
    this.socket = await attach(url, (frame) => this.receipts.record(frame));
  }

  /** The ProseMirror fragment rebuilt from every update received, to check the reader converged. */
  content(fragment: string): string {
    const doc = new Y.Doc();
    for (const frame of this.receipts.frames) {
      const message = decodeMessage(frame);
      if (message.type === 'update') Y.applyUpdate(doc, message.update);
    }
    const content = doc.getXmlFragment(fragment).toString();
    doc.destroy();
    return content;
  }

  close(): void {
    this.socket?.close();
  }
}
