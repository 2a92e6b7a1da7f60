import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from './dockerfile/parse-dockerfile';
import { composeConfig, serviceVolumes, type ComposeConfig, type ComposeService } from './harness/compose';
import { workspaceRoot } from '@quire/testing';

const root = workspaceRoot();
const docker = (file: string) => path.join(root, 'docker', file);
const SINGLE = docker('compose.yml');
const SCALED = docker('compose.scaled.yml');
const ENV_EXAMPLE = docker('.env.example');
/** What docs/self-hosting.md asks for before the scaled setup starts. */
const SCALED_SECRETS = { POSTGRES_PASSWORD: 'a1b2c3d4e5f6a1b2c3d4e5f6', AUTH_SECRET: 'f'.repeat(64) };

async function resolved(file: string, env: Record<string, string> = {}): Promise<ComposeConfig> {
  const result = await composeConfig(file, { env });
  if (!result.ok) throw new Error(`docker-compose config failed for ${file}:\n${result.output}`);
  return result.config;
}

/** Whether a service's image has a HEALTHCHECK: in compose, or in the Dockerfile it is built from. */
function hasHealthcheck(service: ComposeService): boolean {
  if (service.healthcheck) return true;
  if (!service.build) return false;
  const stages = parseDockerfile(readFileSync(path.join(service.build.context, service.build.dockerfile), 'utf8'));
  return stages.at(-1)!.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK');
}

describe('docker-compose config -q', () => {
  it('accepts compose.yml with no settings at all (http://localhost) and with .env.example', async () => {
    expect(await composeConfig(SINGLE, { quiet: true })).toMatchObject({ ok: true, output: '' });
    expect(await composeConfig(SINGLE, { quiet: true, envFile: ENV_EXAMPLE })).toMatchObject({ ok: true, output: '' });
  });

  it('accepts compose.scaled.yml once the secrets are set, and names each one missing', async () => {
    expect(await composeConfig(SCALED, { quiet: true, env: SCALED_SECRETS })).toMatchObject({ ok: true, output: '' });
    expect(await composeConfig(SCALED, { quiet: true, envFile: ENV_EXAMPLE, env: SCALED_SECRETS })).toMatchObject({ ok: true, output: '' });
    const noPassword = await composeConfig(SCALED, { quiet: true, env: { AUTH_SECRET: SCALED_SECRETS.AUTH_SECRET } });
    expect(noPassword).toMatchObject({ ok: false });
    expect(noPassword.output).toContain('set POSTGRES_PASSWORD in docker/.env');
    const noSecret = await composeConfig(SCALED, { quiet: true, env: { POSTGRES_PASSWORD: SCALED_SECRETS.POSTGRES_PASSWORD } });
    expect(noSecret).toMatchObject({ ok: false });
    expect(noSecret.output).toContain('set AUTH_SECRET in docker/.env');
  });
});

describe.each([
  ['compose.yml', SINGLE],
  ['compose.scaled.yml', SCALED],
])('%s', (_, file) => {
  let config: ComposeConfig;
  beforeAll(async () => {
    config = await resolved(file, { ...SCALED_SECRETS, QUIRE_URL: 'https://docs.example.com' });
  });

  it('has no top-level name (docker-compose 1.x refuses it)', () => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/^name:/m);
  });

  it('hardens every service: restart policy, no capabilities but binding 80/443, no new privileges, read-only root', () => {
    for (const [name, service] of Object.entries(config.services)) {
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.cap_drop, name).toEqual(['ALL']);
      expect(service.cap_add ?? [], name).toEqual(name === 'caddy' ? ['NET_BIND_SERVICE'] : []);
      expect((service as { security_opt?: string[] }).security_opt, name).toContain('no-new-privileges:true');
      expect(service.read_only, name).toBe(true);
    }
  });

  it('publishes only Caddy, on 80 and 443', () => {
    for (const [name, service] of Object.entries(config.services)) {
      const published = (service.ports ?? []).map((port) => JSON.stringify(port));
      if (name === 'caddy') expect(published.length, name).toBe(3);
      else expect(published, `${name} publishes a port`).toEqual([]);
    }
    const caddy = config.services['caddy'];
    expect(caddy.ports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ published: 80, target: 80 }),
        expect.objectContaining({ published: 443, target: 443 }),
      ]),
    );
  });

  it('starts each service after what it needs is healthy, and everything depended on has a healthcheck', () => {
    for (const [name, service] of Object.entries(config.services)) {
      if (Array.isArray(service.depends_on)) throw new Error(`${name}: depends_on without a condition`);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
        expect(hasHealthcheck(config.services[dependency]), `${dependency} has a healthcheck`).toBe(true);
      }
    }
    expect(Object.keys(config.services['caddy'].depends_on ?? {})).toEqual(expect.arrayContaining(['web']));
  });

  it('builds Quire from the repository with the two Dockerfiles, and Caddy runs docker/Caddyfile', () => {
    const built = Object.values(config.services).filter((service) => service.build);
    expect(built.length).toBeGreaterThanOrEqual(2);
    for (const service of built) {
      expect(service.build!.context).toBe(root);
      expect(['docker/server.Dockerfile', 'docker/web.Dockerfile']).toContain(service.build!.dockerfile);
    }
    expect(serviceVolumes(config.services['caddy'])).toContainEqual({ source: docker('Caddyfile'), target: '/etc/caddy/Caddyfile' });
  });

  it('gives the server the one origin and believes only Caddy, at its fixed address', () => {
    const caddyNetworks = config.services['caddy'].networks as Record<string, { ipv4_address?: string }>;
    const caddyAddress = caddyNetworks['quire']?.ipv4_address;
    expect(caddyAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const servers = Object.entries(config.services).filter(([, service]) => service.build?.dockerfile === 'docker/server.Dockerfile');
    for (const [name, server] of servers) {
      expect(server.environment?.['ALLOWED_ORIGINS'], name).toBe('https://docs.example.com');
      expect(server.environment?.['TRUST_PROXY'], name).toBe(caddyAddress);
    }
    expect(config.services['web'].environment?.['QUIRE_SERVER_URL']).toBe('https://docs.example.com');
    expect(config.services['caddy'].environment?.['QUIRE_URL']).toBe('https://docs.example.com');
  });
});

describe('the scaled setup', () => {
  it('gives both servers one folder for uploaded files, so that a file uploaded through one is served by the other', async () => {
    const config = await resolved(SCALED, SCALED_SECRETS);
    const servers = Object.values(config.services).filter((service) => service.build?.dockerfile === 'docker/server.Dockerfile');
    expect(servers.length).toBe(2);
    for (const server of servers) expect(serviceVolumes(server)).toContainEqual(expect.objectContaining({ source: 'quire-files', target: '/data' }));
  });

  it('runs two servers on PostgreSQL and Redis that no one outside the compose network reaches', async () => {
    const config = await resolved(SCALED, SCALED_SECRETS);
    const servers = Object.entries(config.services).filter(([, service]) => service.build?.dockerfile === 'docker/server.Dockerfile');
    expect(servers.map(([name]) => name)).toEqual(['server-1', 'server-2']);
    for (const [, server] of servers) {
      expect(server.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/quire:.+@postgres:5432\/quire$/);
      expect(server.environment?.['REDIS_URL']).toBe('redis://redis:6379');
      expect(server.environment?.['AUTH_SECRET']).toBe(SCALED_SECRETS.AUTH_SECRET);
    }
    expect(config.services['caddy'].environment?.['QUIRE_SERVER_UPSTREAMS']).toBe('server-1:4000 server-2:4000');
    for (const name of ['postgres', 'redis']) {
      expect(config.services[name].ports ?? [], name).toEqual([]);
      expect(Object.keys(config.services[name].networks ?? {}), name).toEqual(['backend']);
    }
    expect(config.networks?.['backend']?.internal).toBe(true);
  });
});

describe('.env.example', () => {
  const example = readFileSync(ENV_EXAMPLE, 'utf8');
  /** Settings a person may set in docker/.env: `NAME=` lines, commented out or not. */
  const settable = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);

  it('documents every variable the server reads', () => {
    const schema = readFileSync(path.join(root, 'apps/server/src/config/config.schema.ts'), 'utf8');
    const body = /environmentSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(schema)?.[1];
    expect(body, 'environmentSchema in config.schema.ts').toBeDefined();
    const read = [...body!.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]);
    expect(read.length).toBeGreaterThan(10);
    const undocumented = read.filter((name) => !new RegExp(`\\b${name}\\b`).test(example));
    expect(undocumented, 'server settings missing from docker/.env.example').toEqual([]);
  });

  it('reaches the server in both compose files: every server setting it offers is passed through', async () => {
    const schema = readFileSync(path.join(root, 'apps/server/src/config/config.schema.ts'), 'utf8');
    const serverSettings = settable.filter((name) => new RegExp(`^ {2}${name}:`, 'm').test(schema));
    expect(serverSettings).toEqual(expect.arrayContaining(['LOG_LEVEL', 'ALLOW_SIGNUP', 'AUTH_SECRET', 'MAX_MESSAGE_BYTES']));
    const set = Object.fromEntries(serverSettings.map((name) => [name, name === 'AUTH_SECRET' ? SCALED_SECRETS.AUTH_SECRET : `value-of-${name}`]));
    for (const file of [SINGLE, SCALED]) {
      const config = await resolved(file, { ...SCALED_SECRETS, ...set });
      const servers = Object.entries(config.services).filter(([, service]) => service.build?.dockerfile === 'docker/server.Dockerfile');
      for (const [name, server] of servers) {
        const missing = serverSettings.filter((setting) => server.environment?.[setting] !== set[setting]);
        expect(missing, `${path.basename(file)} ${name} does not pass`).toEqual([]);
      }
    }
  });
});
