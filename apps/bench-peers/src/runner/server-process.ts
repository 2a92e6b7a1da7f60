import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProbeReading, type ProbeReading } from '../ipc-messages';
import type { ServerKind, ServerTarget } from '../server-kinds';
import { freePort } from '@quire/testing';
import { setUpQuireAccount } from '../quire-account';
import { spawnNode, tailOf } from './spawn-pinned';

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

/** A server in a fresh process of its own, with the probe preloaded (see servers/probe.ts). */
export class ServerProcess {
  private nextProbe = 1;
  private readonly pendingProbes = new Map<number, (reading: ProbeReading) => void>();
  private readonly exited: Promise<void>;

  private constructor(
    readonly kind: ServerKind,
    /** Gains the account once a server with accounts is set up. */
    public target: ServerTarget,
    private readonly child: ChildProcess,
    private readonly dataDir: string,
    readonly output: () => string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (message: unknown) => {
      if (!isProbeReading(message)) return;
      this.pendingProbes.get(message.id)?.(message);
      this.pendingProbes.delete(message.id);
    });
  }

  static async start(kind: ServerKind, core: number | undefined): Promise<ServerProcess> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), `quire-bench-peers-${kind.name}-`));
    const probe = join(__dirname, '..', 'servers', 'probe.js');
    // QUIRE_BENCH_SERVER_PROFILE=<dir>: a V8 CPU profile of each server process, to see where its time goes.
    const profile = process.env['QUIRE_BENCH_SERVER_PROFILE'];
    const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const child = spawnNode(['--expose-gc', ...(kind.nodeFlags ?? []), ...flags, '-r', probe, kind.script()], core, {
      ...process.env,
      ...kind.env(dataDir),
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    const output = tailOf(child);
    const target: ServerTarget = {
      name: kind.name,
      dialect: kind.dialect,
      syncs: kind.syncs,
      urlPrefix: kind.urlPrefix(port),
      documentInUrl: kind.documentInUrl,
      port,
      pid: child.pid ?? -1,
    };
    const server = new ServerProcess(kind, target, child, dataDir, output);
    try {
      await server.waitUntilReady();
      if (kind.accounts) server.target = { ...target, account: await setUpQuireAccount(`http://127.0.0.1:${port}`, output) };
      return server;
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  /** Heap after GC, RSS and the event-loop delay, from inside the server. */
  probe(options: { gc: boolean; resetLoop: boolean }): Promise<ProbeReading> {
    const id = this.nextProbe++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingProbes.delete(id);
        reject(new Error(`${this.kind.label} did not answer the probe within 30 s`));
      }, 30_000);
      this.pendingProbes.set(id, (reading) => {
        clearTimeout(timer);
        resolve(reading);
      });
      this.child.send({ type: 'probe', id, ...options });
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM, then SIGKILL if it has not exited after a grace period; removes its data directory. */
  async stop(): Promise<void> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const url = `http://127.0.0.1:${this.target.port}${this.kind.readyPath}`;
    for (;;) {
      if (!this.running) throw new Error(`${this.kind.label} exited at start:\n${this.output()}`);
      const status = await fetch(url).then((response) => response.status, () => 0);
      if (status === 200) return;
      if (Date.now() > deadline) throw new Error(`${this.kind.label} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${this.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
