import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const run = promisify(execFile);

/** A service of `docker-compose config`'s output: resolved, defaults filled in. */
export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | null>;
  volumes?: (string | { type: string; source?: string; target: string; read_only?: boolean })[];
  tmpfs?: string[] | string;
  read_only?: boolean;
  restart?: string;
  cap_drop?: string[];
  cap_add?: string[];
  user?: string;
  ports?: unknown[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }> | string[];
  networks?: Record<string, { ipv4_address?: string } | null> | string[];
  stop_grace_period?: string;
  init?: boolean;
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean } | null>;
}

/**
 * Runs `docker-compose [--env-file …] -f <file> config` (the Debian package, version 1.29) with
 * exactly `env` and nothing of the test's environment but PATH: what compose resolved, or the
 * error it printed.
 */
export async function composeConfig(
  file: string,
  options: { env?: Record<string, string>; envFile?: string; quiet?: boolean } = {},
): Promise<{ ok: true; config: ComposeConfig; output: string } | { ok: false; output: string }> {
  const args = [...(options.envFile ? ['--env-file', options.envFile] : []), '-f', file, 'config', ...(options.quiet ? ['-q'] : [])];
  try {
    const { stdout, stderr } = await run('docker-compose', args, { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...options.env } });
    return { ok: true, config: options.quiet ? { services: {} } : (parse(stdout) as ComposeConfig), output: `${stdout}${stderr}` };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    if ((failure as { code?: unknown }).code === 'ENOENT') throw new Error('docker-compose is missing: apt-get install docker-compose (npm test does, as root)');
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? failure.message}` };
  }
}

/** The variables a service sets, without the ones compose leaves unset (`null`). */
export function serviceEnvironment(service: ComposeService): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment ?? {})) if (value !== null) result[name] = String(value);
  return result;
}

/** The service's volumes as source → target (named volume or host path). */
export function serviceVolumes(service: ComposeService): { source: string; target: string }[] {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume === 'string') {
      const [source, target] = volume.split(':');
      return { source, target };
    }
    return { source: volume.source ?? '', target: volume.target };
  });
}

/** The service's tmpfs mounts as a list. */
export function serviceTmpfs(service: ComposeService): string[] {
  if (service.tmpfs === undefined) return [];
  return Array.isArray(service.tmpfs) ? service.tmpfs : [service.tmpfs];
}
