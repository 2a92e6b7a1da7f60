import { startServer, temporaryDataDir, type ServerProcess } from './server-process';

/** What `GET /health` answers. */
export interface Health {
  readonly status: string;
  readonly database: string;
  readonly redis: string;
}

/** Several server instances over one database and one Redis, each with a DATA_DIR of its own. */
export interface Cluster {
  readonly instances: ServerProcess[];
  /** Starts instance `index` again (after a kill), on its port. */
  restart(index: number): Promise<ServerProcess>;
  /** `GET /health` of every running instance. */
  health(): Promise<Health[]>;
  stop(): Promise<void>;
}

export async function startCluster(count: number, env: Record<string, string>): Promise<Cluster> {
  const dirs = Array.from({ length: count }, () => temporaryDataDir());
  const instances = await Promise.all(dirs.map((data) => startServer({ dataDir: data.dir, env })));
  return {
    instances,
    restart: async (index) => {
      const previous = instances[index];
      await previous.kill();
      instances[index] = await startServer({ dataDir: dirs[index].dir, port: previous.port, env });
      return instances[index];
    },
    health: () =>
      Promise.all(
        instances
          .filter((instance) => instance.child.exitCode === null && instance.child.signalCode === null)
          .map(async (instance) => (await (await fetch(`${instance.httpUrl}/health`)).json()) as Health),
      ),
    stop: async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
      for (const data of dirs) data.remove();
    },
  };
}
