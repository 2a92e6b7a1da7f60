import { chown, chmod, mkdir, stat } from 'node:fs/promises';
import type { ManagedProcess } from '@quire/testing';
import type { Image } from './image-builder';

/** How compose runs a service, as far as the stand-in needs it. */
export interface ServiceSettings {
  /** The service's environment (compose's, resolved), on top of the image's. */
  readonly environment: Readonly<Record<string, string>>;
  /** Container path → host folder. */
  readonly volumes?: Readonly<Record<string, string>>;
  readonly readOnly?: boolean;
  readonly tmpfs?: readonly string[];
}

/** A running container: its main process (the image's CMD) and what `docker exec` would reach. */
export interface Container {
  readonly process: ManagedProcess;
  /** Runs the image's HEALTHCHECK command as Docker does (same user, environment, directory). */
  healthcheck(): Promise<{ code: number | null; output: string }>;
  /** Runs another command in the container, like `docker compose exec`. */
  exec(argv: readonly string[]): Promise<{ code: number | null; output: string }>;
  /** Sends the image's STOPSIGNAL and resolves with the exit code, or rejects past `graceMs`. */
  stop(graceMs: number): Promise<number | null>;
}

/**
 * A named volume as Docker makes it on first use: an empty folder that takes the owner and mode
 * of the image's directory at the mount point (so /data, made the `node` user's in the image, is
 * writable by the server).
 */
export async function namedVolume(image: Image, containerPath: string, hostDir: string): Promise<string> {
  const inImage = await stat(image.root.hostPath(containerPath)).catch(() => undefined);
  if (!inImage?.isDirectory()) throw new Error(`${containerPath} does not exist in the image: Docker would make it root's`);
  await mkdir(hostDir, { recursive: true });
  await chown(hostDir, inImage.uid, inImage.gid);
  await chmod(hostDir, inImage.mode & 0o7777);
  return hostDir;
}

const started = new Set<number>();
// If the test run itself is killed, leave no container behind.
process.once('exit', () => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** Starts the image's CMD as `docker run` would, with the service's settings. */
export function startContainer(name: string, image: Image, settings: ServiceSettings): Container {
  const user = image.root.user(image.user);
  const env = { HOME: user.home, ...image.env, ...settings.environment };
  const options = {
    user: image.user,
    cwd: image.workdir,
    env,
    readOnly: settings.readOnly ?? false,
    volumes: settings.volumes ?? {},
    tmpfs: settings.tmpfs ?? [],
  };
  if (image.cmd.length === 0) throw new Error(`${name}: the image has no CMD`);
  const child = image.root.spawn(image.cmd, options);
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  if (child.pid !== undefined) started.add(child.pid);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      if (child.pid !== undefined) started.delete(child.pid);
      resolve(code);
    });
    child.once('error', () => resolve(null));
  });
  const managed: ManagedProcess = { name, child, output: () => output, exited };
  const exec = (argv: readonly string[]) => image.root.exec(argv, options);
  return {
    process: managed,
    exec,
    healthcheck: () => {
      if (!image.healthcheck) throw new Error(`${name}: the image has no HEALTHCHECK`);
      return exec(image.healthcheck.cmd);
    },
    stop: async (graceMs) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill((image.stopSignal ?? 'SIGTERM') as NodeJS.Signals);
      const timer = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`${name} did not stop within ${graceMs} ms of ${image.stopSignal}:\n${output}`)), graceMs).unref(),
      );
      return Promise.race([exited, timer]);
    },
  };
}

/** Kills what is left of a container (after a failed test). */
export function killContainer(container: Container): void {
  const pid = container.process.child.pid;
  if (pid === undefined || container.process.child.exitCode !== null) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
