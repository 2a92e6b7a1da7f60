import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { lstat, mkdir, readFile, readlink, rename, symlink, writeFile, chmod, chown } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The `node` user of the official Node.js images. */
export const NODE_USER = { name: 'node', uid: 1000, gid: 1000, home: '/home/node' };
const ROOT_USER = { name: 'root', uid: 0, gid: 0, home: '/root' };

/** How a command runs in the container, as `docker run` options would say it. */
export interface RunOptions {
  /** `root`, `node`, or `uid[:gid]`. */
  readonly user: string;
  /** Working directory inside the container. */
  readonly cwd: string;
  /** The whole environment (nothing of the test's own is added). */
  readonly env: Readonly<Record<string, string>>;
  /** The root filesystem read-only (compose `read_only: true`). */
  readonly readOnly?: boolean;
  /** Host directories mounted at container paths (volumes). */
  readonly volumes?: Readonly<Record<string, string>>;
  /** Container paths that get an empty tmpfs (compose `tmpfs:`). */
  readonly tmpfs?: readonly string[];
  /**
   * Mount the host's /root at /root: build steps use the host's npm cache and registry settings
   * instead of downloading every package again (a Docker build starts with an empty cache).
   */
  readonly hostHome?: boolean;
}

/**
 * A container's root filesystem made from this machine's own Debian and Node.js, standing in for
 * the `node:22-slim` base image (also Debian, with Node.js in /usr/local/bin rather than /usr/bin):
 * /usr, /dev and /proc are the host's, mounted read-only or as they are; /etc is a copy whose
 * `node` user (uid 1000) is the image's; everything else (/app, /data, /tmp…) is this folder's own.
 * Commands run in a mount namespace of their own (`unshare`) and `chroot`, as root or as `node`:
 * nothing is mounted on the host, so deleting the folder never reaches into /usr.
 */
export class ContainerRoot {
  private constructor(readonly dir: string) {}

  /** A new root filesystem in `dir` (which must not exist). */
  static async create(dir: string): Promise<ContainerRoot> {
    await mkdir(dir, { recursive: false });
    for (const sub of ['usr', 'dev', 'proc', 'root', 'tmp', 'var/tmp', 'run', 'home/node']) {
      await mkdir(path.join(dir, sub), { recursive: true });
    }
    await chmod(path.join(dir, 'tmp'), 0o1777);
    await chmod(path.join(dir, 'var/tmp'), 0o1777);
    await chmod(path.join(dir, 'root'), 0o700);
    await chown(path.join(dir, 'home/node'), NODE_USER.uid, NODE_USER.gid);
    // Debian's merged /usr: /bin, /lib… are links into it, as in the image.
    for (const link of ['bin', 'sbin', 'lib', 'lib64']) {
      const stats = await lstat(`/${link}`).catch(() => undefined);
      if (stats?.isSymbolicLink()) await symlink(await readlink(`/${link}`), path.join(dir, link));
    }
    await run('cp', ['-a', '/etc', path.join(dir, 'etc')]);
    await adoptNodeUser(path.join(dir, 'etc'));
    return new ContainerRoot(dir);
  }

  /** This root as it is (a root made earlier, by `snapshot` or `moveTo`). */
  static at(dir: string): ContainerRoot {
    return new ContainerRoot(dir);
  }

  /** A copy of this root in `dir`: what Docker's build cache keeps of a layer. */
  async snapshot(dir: string): Promise<ContainerRoot> {
    await run('cp', ['-a', this.dir, dir], { maxBuffer: 16 * 1024 * 1024 });
    return new ContainerRoot(dir);
  }

  /** This root moved to `dir`. */
  async moveTo(dir: string): Promise<ContainerRoot> {
    await rename(this.dir, dir);
    return new ContainerRoot(dir);
  }

  /** The host path of a path inside the container. */
  hostPath(containerPath: string): string {
    if (!containerPath.startsWith('/')) throw new Error(`expected an absolute container path, got ${containerPath}`);
    return path.join(this.dir, containerPath);
  }

  /** `user` as uid, gid and home (the image's `root` and `node`, or numbers). */
  user(user: string): { uid: number; gid: number; home: string } {
    if (user === 'root' || user === '0') return ROOT_USER;
    if (user === 'node' || user === 'node:node' || user === '1000' || user === '1000:1000') return NODE_USER;
    const numeric = /^(\d+)(?::(\d+))?$/.exec(user);
    if (numeric) return { uid: Number(numeric[1]), gid: Number(numeric[2] ?? numeric[1]), home: '/' };
    throw new Error(`unknown user ${user}: the base image has root and node`);
  }

  /** Starts `argv` in the container, in a process group of its own; stdout and stderr are piped. */
  spawn(argv: readonly string[], options: RunOptions): ChildProcess {
    const { uid, gid } = this.user(options.user);
    const script = mountScript(this.dir, options, `${uid}:${gid}`);
    // The namespace's shell execs chroot, which execs the command: the pid is the command's, so
    // a signal to it is a signal to the container's main process, as `docker stop` sends.
    return spawn('/usr/bin/unshare', ['--mount', '--propagation', 'private', '/bin/sh', '-c', script, 'container', options.cwd, ...argv], {
      env: { ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Runs `argv` to the end: its exit code and output (stdout and stderr interleaved). */
  exec(argv: readonly string[], options: RunOptions, onOutput?: (chunk: string) => void): Promise<{ code: number | null; output: string }> {
    const child = this.spawn(argv, options);
    let output = '';
    const append = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-200_000);
      onOutput?.(text);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    return new Promise((resolve) => {
      child.once('error', (error) => resolve({ code: null, output: `${output}\n${error.message}` }));
      child.once('close', (code) => resolve({ code, output }));
    });
  }
}

/** Gives uid and gid 1000 to `node` in the copied /etc, as in the Node.js images. */
async function adoptNodeUser(etc: string): Promise<void> {
  const edit = async (file: string, line: string, idField: number) => {
    const kept = (await readFile(path.join(etc, file), 'utf8'))
      .split('\n')
      .filter((entry) => entry !== '' && entry.split(':')[0] !== 'node' && entry.split(':')[idField] !== '1000');
    await writeFile(path.join(etc, file), [...kept, line, ''].join('\n'));
  };
  await edit('passwd', `node:x:1000:1000::${NODE_USER.home}:/bin/bash`, 2);
  await edit('group', 'node:x:1000:', 2);
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shell script run inside the new mount namespace: mount what the container sees, then chroot
 * as the user; `$1` is the working directory, the rest the command.
 */
function mountScript(root: string, options: RunOptions, userSpec: string): string {
  const r = (containerPath: string) => shellQuote(path.join(root, containerPath));
  const lines = ['set -e'];
  if (options.readOnly) lines.push(`mount --bind ${r('/')} ${r('/')}`, `mount -o remount,bind,ro ${r('/')}`);
  lines.push(
    `mount --rbind /usr ${r('/usr')}`,
    `mount -o remount,bind,ro ${r('/usr')}`,
    `mount --rbind /dev ${r('/dev')}`,
    `mount --rbind /proc ${r('/proc')}`,
  );
  if (options.hostHome) lines.push(`mount --bind /root ${r('/root')}`);
  for (const [containerPath, hostDir] of Object.entries(options.volumes ?? {})) {
    lines.push(`mount --bind ${shellQuote(hostDir)} ${r(containerPath)}`);
  }
  for (const containerPath of options.tmpfs ?? []) lines.push(`mount -t tmpfs -o mode=1777 tmpfs ${r(containerPath)}`);
  lines.push(
    `exec /usr/sbin/chroot --userspec=${userSpec} --groups=${userSpec.split(':')[1]} ${shellQuote(root)} /bin/sh -c 'cd "$0" && exec "$@"' "$@"`,
  );
  return lines.join('\n');
}
