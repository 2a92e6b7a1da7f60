import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { execForm, keyValuePairs, parseDockerfile, type Instruction, type Stage } from '../dockerfile/parse-dockerfile';
import { ContainerRoot } from './container-root';
import { checkProvisioning, provisioningStep } from './provisioning';

/** What `docker inspect` would say of a built image, and its filesystem. */
export interface Image {
  readonly root: ContainerRoot;
  readonly env: Readonly<Record<string, string>>;
  readonly workdir: string;
  readonly user: string;
  readonly cmd: readonly string[];
  readonly healthcheck: { readonly cmd: readonly string[]; readonly flags: Readonly<Record<string, string>> } | undefined;
  readonly stopSignal: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly exposed: readonly string[];
}

/** The environment of the Node.js images before any ENV of ours. */
const BASE_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
/** The only base this stand-in knows how to be (ContainerRoot). */
const BASE_IMAGE = /^node:(20|22)-slim$/;

interface StageState {
  env: Record<string, string>;
  workdir: string;
  user: string;
  cmd: string[];
  healthcheck: Image['healthcheck'];
  stopSignal: string | undefined;
  labels: Record<string, string>;
  exposed: string[];
}

/** A layer kept for another Dockerfile whose stage starts with the same instructions. */
interface Snapshot {
  root: ContainerRoot;
  state: StageState;
  /** Builds still to start from it; the last one takes the folder instead of copying it. */
  users: number;
}

/**
 * Performs Dockerfiles' instructions outside Docker, in ContainerRoots: the same RUN commands with
 * the same environment, WORKDIR, USER, and COPY from the build context (minus .dockerignore) or
 * from an earlier stage. Like Docker's build cache, instructions that several Dockerfiles share
 * from their first line on are performed once.
 *
 * Two kinds of RUN provision the base image rather than build Quire (apt-get install, a global
 * npm of another version): they are checked against this machine (provisioning.ts), not run.
 */
export class ImageBuilder {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly finished = new Map<string, { root: ContainerRoot; state: StageState }>();
  private readonly uses = new Map<string, number>();
  private counter = 0;

  constructor(
    private readonly options: {
      /** A folder of its own for the roots and snapshots (on a disk with a few GB free). */
      readonly workDir: string;
      /** The build context: the repository root. */
      readonly context: string;
      /** Files the context leaves out (the .dockerignore). */
      readonly ignores: (relativePath: string) => boolean;
      readonly log: (line: string) => void;
    },
  ) {}

  /** Builds the last stage of each Dockerfile; the result maps each file to its image. */
  async build(dockerfiles: readonly string[]): Promise<Map<string, Image>> {
    await mkdir(this.options.workDir, { recursive: true });
    const parsed = new Map<string, Stage[]>();
    for (const file of dockerfiles) parsed.set(file, parseDockerfile(await readFile(file, 'utf8')));
    for (const stages of parsed.values()) {
      for (const stage of stages) for (const key of new Set(chainKeys(stage))) this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
    }
    const images = new Map<string, Image>();
    for (const [file, stages] of parsed) {
      const built = new Map<string, { root: ContainerRoot; state: StageState }>();
      for (const [index, stage] of stages.entries()) {
        const result = await this.buildStage(stage, built, `${path.basename(file)} stage ${stage.name ?? index}`);
        if (stage.name) built.set(stage.name, result);
        if (index === stages.length - 1) images.set(file, { root: result.root, ...result.state });
      }
    }
    return images;
  }

  private async buildStage(stage: Stage, earlier: Map<string, { root: ContainerRoot; state: StageState }>, label: string) {
    if (!BASE_IMAGE.test(stage.base)) throw new Error(`${label}: FROM ${stage.base}: only node:<20|22>-slim can be stood in for`);
    const keys = chainKeys(stage);
    const whole = keys[keys.length - 1];
    const done = this.finished.get(whole);
    if (done) {
      this.options.log(`${label}: the same as a stage built already`);
      return done;
    }

    let start = 0;
    let root: ContainerRoot | undefined;
    let state: StageState = { env: { ...BASE_ENV }, workdir: '/', user: 'root', cmd: [], healthcheck: undefined, stopSignal: undefined, labels: {}, exposed: [] };
    for (let i = keys.length - 1; i >= 1; i--) {
      const snapshot = this.snapshots.get(keys[i]);
      if (!snapshot) continue;
      snapshot.users--;
      const dir = this.newDir();
      root = snapshot.users === 0 ? await snapshot.root.moveTo(dir) : await snapshot.root.snapshot(dir);
      if (snapshot.users === 0) this.snapshots.delete(keys[i]);
      state = structuredClone(snapshot.state);
      start = i;
      this.options.log(`${label}: instructions 1–${i} from the cache`);
      break;
    }
    root ??= await ContainerRoot.create(this.newDir());

    for (let i = start; i < stage.instructions.length; i++) {
      const instruction = stage.instructions[i];
      const started = Date.now();
      this.options.log(`${label}: ${instruction.text.slice(0, 120)}`);
      await this.perform(instruction, root, state, earlier);
      this.options.log(`${label}:   done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // Keep this layer if another stage goes on from it differently (a stage identical to the
      // end is reused whole instead, from \`finished\`).
      if (i === stage.instructions.length - 1) continue;
      const key = keys[i + 1];
      const later = this.uses.get(key) ?? 0;
      const next = this.uses.get(keys[i + 2]) ?? 0;
      if (later > 1 && next < later && !this.snapshots.has(key)) {
        const copying = Date.now();
        this.snapshots.set(key, { root: await root.snapshot(this.newDir()), state: structuredClone(state), users: later - 1 });
        this.options.log(`${label}:   kept for ${later - 1} other stage(s) in ${((Date.now() - copying) / 1000).toFixed(1)} s`);
      }
    }
    const result = { root, state };
    this.finished.set(whole, result);
    return result;
  }

  private newDir(): string {
    return path.join(this.options.workDir, `root-${++this.counter}`);
  }

  private async perform(instruction: Instruction, root: ContainerRoot, state: StageState, earlier: Map<string, { root: ContainerRoot; state: StageState }>) {
    const { keyword, args, flags, line } = instruction;
    switch (keyword) {
      case 'RUN': {
        if (args.startsWith('[')) throw new Error(`line ${line}: the exec form of RUN is not supported here`);
        const provisioning = provisioningStep(args);
        if (provisioning) {
          await checkProvisioning(provisioning);
          return;
        }
        const { uid, home } = root.user(state.user);
        const env = { HOME: home, ...state.env };
        const { code, output } = await root.exec(['/bin/sh', '-c', args], { user: state.user, cwd: state.workdir, env, hostHome: uid === 0 });
        if (code !== 0) throw new Error(`line ${line}: RUN ${args} exited with ${code}:\n${output.slice(-8000)}`);
        return;
      }
      case 'ENV':
        for (const [name, value] of keyValuePairs(args, line)) state.env[name] = expand(value, state.env);
        return;
      case 'LABEL':
        for (const [name, value] of keyValuePairs(args, line)) state.labels[name] = value;
        return;
      case 'WORKDIR': {
        state.workdir = path.posix.resolve(state.workdir, expand(args, state.env));
        await mkdir(root.hostPath(state.workdir), { recursive: true });
        return;
      }
      case 'USER':
        root.user(args);
        state.user = args;
        return;
      case 'COPY':
        await this.copy(instruction, root, state, earlier);
        return;
      case 'EXPOSE':
        state.exposed.push(...args.split(/\s+/));
        return;
      case 'CMD':
        state.cmd = execForm(args, line);
        return;
      case 'STOPSIGNAL':
        state.stopSignal = args;
        return;
      case 'HEALTHCHECK': {
        const cmd = /^CMD\s+(.*)$/s.exec(args);
        if (!cmd) throw new Error(`line ${line}: expected HEALTHCHECK [options] CMD ["…"]`);
        state.healthcheck = { cmd: execForm(cmd[1], line), flags };
        return;
      }
      default:
        throw new Error(`line ${line}: ${keyword} is not supported by this stand-in for docker build`);
    }
  }

  private async copy(instruction: Instruction, root: ContainerRoot, state: StageState, earlier: Map<string, { root: ContainerRoot; state: StageState }>) {
    const { args, flags, line } = instruction;
    if (flags['chown'] || flags['chmod'] || flags['link'] || flags['parents']) throw new Error(`line ${line}: COPY flags other than --from are not supported here`);
    const parts = args.split(/\s+/);
    const written = parts.pop();
    if (written === undefined || parts.length === 0 || args.startsWith('[')) throw new Error(`line ${line}: expected COPY <source>… <destination>`);
    const destination = path.posix.resolve(state.workdir, written);
    const sources = parts;
    const from = flags['from'];
    for (const source of sources) {
      if (/[*?[]/.test(source)) throw new Error(`line ${line}: wildcards in COPY are not supported here`);
      let hostSource: string;
      let filter: (file: string) => boolean = () => true;
      if (from !== undefined) {
        const stage = earlier.get(from);
        if (!stage) throw new Error(`line ${line}: no earlier stage named ${from}`);
        hostSource = stage.root.hostPath(path.posix.resolve('/', source));
      } else {
        hostSource = path.resolve(this.options.context, source);
        const context = this.options.context;
        filter = (file) => {
          const relative = path.relative(context, file).split(path.sep).join('/');
          return relative === '' || !this.options.ignores(relative);
        };
      }
      const isDirectory = (await stat(hostSource)).isDirectory();
      // A directory's contents go into the destination; a file goes into it when it ends in `/`.
      const target = isDirectory || !written.endsWith('/') ? root.hostPath(destination) : path.join(root.hostPath(destination), path.basename(source));
      if (isDirectory) {
        await mkdir(target, { recursive: true });
        for (const entry of await readdir(hostSource)) {
          const entrySource = path.join(hostSource, entry);
          if (!filter(entrySource)) continue;
          await cp(entrySource, path.join(target, entry), { recursive: true, verbatimSymlinks: true, force: true, filter });
        }
      } else {
        await mkdir(path.dirname(target), { recursive: true });
        await cp(hostSource, target, { force: true });
      }
    }
  }

  /** Deletes every root and snapshot this builder made. */
  async dispose(): Promise<void> {
    await rm(this.options.workDir, { recursive: true, force: true });
  }
}

/** `$NAME` and `${NAME}` replaced from `env`, as Docker does in ENV and WORKDIR. */
function expand(value: string, env: Readonly<Record<string, string>>): string {
  return value.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, braced: string | undefined, bare: string | undefined) => env[braced ?? bare ?? ''] ?? '');
}

/**
 * Docker's cache key of each layer of a stage: the base, then each instruction on top of the one
 * before (the context is the same for every Dockerfile built together).
 */
function chainKeys(stage: Stage): string[] {
  const keys = [hash(`FROM ${stage.base}`)];
  for (const instruction of stage.instructions) keys.push(hash(`${keys.at(-1)}\n${instruction.text}`));
  return keys;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
