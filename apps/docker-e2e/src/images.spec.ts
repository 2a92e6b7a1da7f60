import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, stopProcess, waitForHttp, workspaceRoot, type ManagedProcess } from '@quire/testing';
import { launchBrowser } from '@quire/testing/browser';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killContainer, namedVolume, startContainer, type Container } from './container/container';
import { ImageBuilder, type Image } from './container/image-builder';
import { DockerIgnore } from './dockerfile/dockerignore';
import { Visitor } from './harness/browser';
import { startCaddy } from './harness/caddy';
import { composeConfig, serviceEnvironment, serviceTmpfs, serviceVolumes, type ComposeConfig, type ComposeService } from './harness/compose';

/*
 * docker/server.Dockerfile and docker/web.Dockerfile, performed without Docker: ImageBuilder runs
 * their RUN steps (npm ci, the builds, the server's trace) in a chroot of this machine's Debian,
 * with their ENV, WORKDIR, USER and COPY; then each image's CMD runs as its USER, with the
 * environment, volumes, tmpfs and read-only root that docker/compose.yml gives the service, and
 * Caddy runs docker/Caddyfile with the caddy service's environment. The only changes are the
 * network: every process listens on a free port of 127.0.0.1 (in compose each container has its
 * own address), so the upstreams Caddy is given, HOST/HOSTNAME, PORT and TRUST_PROXY differ.
 * The stand-in base is this machine's Node.js (20 or 22), not the image's 22.
 */

const root = workspaceRoot();
const STOP_GRACE_MS = 15_000;
const log = (line: string) => console.log(`[docker-e2e] ${line}`);

describe('the images, built from their Dockerfiles and run behind Caddy on one origin', () => {
  let work: string;
  let builder: ImageBuilder;
  let server: Image;
  let web: Image;
  let compose: ComposeConfig;
  let origin: string;
  let dataVolume: string;
  let serverSettings: Parameters<typeof startContainer>[2];
  const running: Container[] = [];
  let caddy: ManagedProcess | undefined;
  let restartCaddy: () => Promise<ManagedProcess>;
  let browser: Browser | undefined;
  let setupCode: Promise<string>;

  function startServer(): Container {
    const container = startContainer('server', server, serverSettings);
    running.push(container);
    setupCode = watchForSetupCode(container);
    // Only the first start prints a code; a later one's watch ends with the container.
    setupCode.catch(() => undefined);
    return container;
  }

  beforeAll(async () => {
    if (process.getuid?.() !== 0) throw new Error('These tests mount and chroot, as Docker would: run them as root (CI does)');
    work = await mkdtemp(path.join(tmpdir(), 'quire-docker-e2e-'));
    builder = new ImageBuilder({
      workDir: path.join(work, 'build'),
      context: root,
      ignores: ((ignore) => (file: string) => ignore.ignores(file))(new DockerIgnore(readFileSync(path.join(root, '.dockerignore'), 'utf8'))),
      log,
    });
    const started = Date.now();
    const serverFile = path.join(root, 'docker/server.Dockerfile');
    const webFile = path.join(root, 'docker/web.Dockerfile');
    const images = await builder.build([serverFile, webFile]);
    server = images.get(serverFile)!;
    web = images.get(webFile)!;
    log(`both images built in ${Math.round((Date.now() - started) / 1000)} s`);

    const [caddyPort, serverPort, webPort] = [await freePort(), await freePort(), await freePort()];
    origin = `http://127.0.0.1:${caddyPort}`;
    const resolved = await composeConfig(path.join(root, 'docker/compose.yml'), { env: { QUIRE_URL: origin } });
    if (!resolved.ok) throw new Error(resolved.output);
    compose = resolved.config;

    const serverService = compose.services['server'];
    dataVolume = path.join(work, 'volumes/quire-data');
    serverSettings = {
      environment: { ...serviceEnvironment(serverService), HOST: '127.0.0.1', PORT: String(serverPort), TRUST_PROXY: '127.0.0.1' },
      volumes: { [volumeTarget(serverService, 'quire-data')]: await namedVolume(server, volumeTarget(serverService, 'quire-data'), dataVolume) },
      readOnly: serverService.read_only ?? false,
      tmpfs: serviceTmpfs(serverService),
    };
    startServer();

    const webService = compose.services['web'];
    running.push(
      startContainer('web', web, {
        environment: { ...serviceEnvironment(webService), HOSTNAME: '127.0.0.1', PORT: String(webPort) },
        readOnly: webService.read_only ?? false,
        tmpfs: serviceTmpfs(webService),
      }),
    );

    const caddyService = compose.services['caddy'];
    const caddyfile = serviceVolumes(caddyService).find((volume) => volume.target === '/etc/caddy/Caddyfile')!.source;
    restartCaddy = () =>
      startCaddy(
        caddyfile,
        { ...serviceEnvironment(caddyService), QUIRE_SERVER_UPSTREAMS: `127.0.0.1:${serverPort}`, QUIRE_WEB_UPSTREAM: `127.0.0.1:${webPort}` },
        path.join(work, 'caddy'),
      );
    caddy = await restartCaddy();
    await Promise.all([waitForHttp(`${origin}/health`, running[0].process), waitForHttp(`${origin}/`, running[1].process), waitForHttp(`${origin}/`, caddy)]);
  });

  afterAll(async () => {
    await browser?.close();
    if (caddy) await stopProcess(caddy);
    for (const container of running) await container.stop(STOP_GRACE_MS).catch(() => killContainer(container));
    await builder?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('puts only what runs into the server image: the traced server, no build tools, no web app', async () => {
    const inImage = (file: string) => existsSync(server.root.hostPath(path.posix.join(server.workdir, file)));
    expect(inImage('apps/server/dist/main.js')).toBe(true);
    expect(inImage('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    for (const absent of ['node_modules/next', 'node_modules/typescript', 'node_modules/nx', 'apps/server/src', 'apps/web']) {
      expect(inImage(absent), absent).toBe(false);
    }
    expect(server.user).toBe('node');
    expect((await stat(server.root.hostPath('/data'))).uid).toBe(1000);
  });

  it("puts the web app's standalone output into its image, and no build tools", () => {
    const inImage = (file: string) => existsSync(web.root.hostPath(path.posix.join(web.workdir, file)));
    expect(inImage('apps/web/server.js')).toBe(true);
    expect(inImage('apps/web/.next/static')).toBe(true);
    for (const absent of ['node_modules/typescript', 'node_modules/nx', 'node_modules/better-sqlite3', 'apps/web/src']) {
      expect(inImage(absent), absent).toBe(false);
    }
    expect(web.user).toBe('node');
  });

  it('answers /health through Caddy, and keeps /metrics off the public origin', async () => {
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok', redis: 'disabled' });
    expect((await fetch(`${origin}/metrics`)).status).toBe(404);
    // Inside the container (docs/self-hosting.md reads them this way) they are there.
    const metrics = await running[0].exec(['node', '-e', `fetch('http://127.0.0.1:${serverSettings.environment['PORT']}/metrics').then((r) => r.text()).then((t) => console.log(t))`]);
    expect(metrics.code).toBe(0);
    expect(metrics.output).toContain('# TYPE quire_');
  });

  it("passes both images' HEALTHCHECK, run inside their containers", async () => {
    for (const container of running) {
      const result = await container.healthcheck();
      expect(result, container.process.name).toMatchObject({ code: 0 });
    }
  });

  it('runs the server on a read-only root as node: SQLite and the generated secret land in the volume', async () => {
    const database = await stat(path.join(dataVolume, 'quire.db'));
    expect(database.uid).toBe(1000);
    expect(existsSync(path.join(dataVolume, 'auth-secret'))).toBe(true);
    const write = await running[0].exec(['node', '-e', "require('fs').writeFileSync('/app/written-by-the-server', 'x')"]);
    expect(write.code).not.toBe(0);
    expect(write.output).toMatch(/EROFS|EACCES/);
  });

  it('serves the web page and its assets through Caddy', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset, 'a script of the page').toBeDefined();
    expect((await fetch(`${origin}${asset}`)).status).toBe(200);
  });

  it('lets two people set up, share and co-edit a document through the one origin', async () => {
    browser = await launchBrowser();
    const ada = await Visitor.open(browser, origin);
    const grace = await Visitor.open(browser, origin);
    const code = await setupCode;
    const setup = await ada.api('POST', '/api/setup', { code, email: 'ada@example.com', name: 'Ada', password: 'correct horse battery' });
    expect(setup.status).toBe(201);
    const signup = await grace.api('POST', '/api/auth/signup', { email: 'grace@example.com', name: 'Grace', password: 'correct horse battery' });
    expect(signup.status).toBe(201);
    const created = await ada.api<{ id: string }>('POST', '/api/documents', { title: 'Through Caddy' });
    expect(created.status).toBe(201);
    const documentId = created.body.id;
    expect((await ada.api('POST', `/api/documents/${documentId}/members`, { email: 'grace@example.com', role: 'editor' })).status).toBe(201);

    await ada.openDocument(documentId);
    await grace.openDocument(documentId);
    await ada.type('Ada wrote this through Caddy. ');
    await grace.waitForText('Ada wrote this through Caddy.');
    await grace.type('Grace answered.');
    await ada.waitForText('Grace answered.');

    // Both collaboration sockets went to the page's own origin, through Caddy's /collab.
    for (const visitor of [ada, grace]) {
      expect(visitor.sockets.length).toBeGreaterThan(0);
      for (const socket of visitor.sockets) expect(socket.startsWith(`${origin.replace('http', 'ws')}/collab/${documentId}`), socket).toBe(true);
    }
    await ada.context.close();
    await grace.context.close();
  });

  it("backs up the running server's SQLite with the guide's own command", async () => {
    const guide = readFileSync(path.join(root, 'docs/self-hosting.md'), 'utf8');
    const command = /^docker compose exec server node -e "(.*\.backup\('\/data\/quire-backup\.db'\).*)"$/m.exec(guide)?.[1];
    expect(command, 'the backup command in docs/self-hosting.md').toBeDefined();
    const result = await running[0].exec(['node', '-e', command!]);
    expect(result).toMatchObject({ code: 0 });
    const backup = new Database(path.join(dataVolume, 'quire-backup.db'), { readonly: true });
    try {
      const titles = backup.prepare('SELECT title FROM documents').all() as { title: string }[];
      expect(titles.map((row) => row.title)).toContain('Through Caddy');
    } finally {
      backup.close();
    }
  });

  it('stops in the order compose does (Caddy, then web and server) and starts again with the document', async () => {
    // `docker compose stop` stops a service before those it depends on: Caddy first. Each must
    // end on its STOPSIGNAL within the stop_grace_period (15 s), past which Docker kills it.
    await stopProcess(caddy!);
    const [serverContainer, webContainer] = running;
    const [serverCode] = await Promise.all([serverContainer.stop(STOP_GRACE_MS), webContainer.stop(STOP_GRACE_MS)]);
    expect(serverCode).toBe(0);
    expect(serverContainer.process.output()).toContain('Quire collaboration server stopped');
    // The web app never tried to write to its read-only root meanwhile.
    expect(webContainer.process.output()).not.toMatch(/EROFS|EACCES/);
    running.splice(0, 2);

    const again = startServer();
    caddy = await restartCaddy();
    await waitForHttp(`${origin}/health`, again.process);
    const ada = await Visitor.open(browser!, origin);
    expect((await ada.api('POST', '/api/auth/signin', { email: 'ada@example.com', password: 'correct horse battery' })).status).toBe(200);
    const documents = await ada.api<{ owned: { title: string }[] }>('GET', '/api/documents');
    expect(documents.body.owned.map((document) => document.title)).toContain('Through Caddy');
    await ada.context.close();
  });

  it("resets the administrator's password with the guide's command, in the image as it runs", async () => {
    const guide = readFileSync(path.join(root, 'docs/self-hosting.md'), 'utf8');
    const command = /^docker compose exec server (node apps\/server\/dist\/cli\/reset-admin-password\.js)$/m.exec(guide)?.[1];
    expect(command, 'the reset command in docs/self-hosting.md').toBeDefined();
    const result = await running[0].exec(command!.split(' '));
    expect(result).toMatchObject({ code: 0 });
    const password = /New password for ada@example\.com: (\S+)/.exec(result.output)?.[1];
    expect(password, result.output).toBeDefined();
    const ada = await Visitor.open(browser!, origin);
    expect((await ada.api('POST', '/api/auth/signin', { email: 'ada@example.com', password })).status).toBe(200);
    await ada.context.close();
  });
});

/** Where a service mounts the named volume `name`. */
function volumeTarget(service: ComposeService, name: string): string {
  const volume = serviceVolumes(service).find((entry) => entry.source === name);
  if (!volume) throw new Error(`the service mounts no volume ${name}`);
  return volume.target;
}

/** The one-time setup code the server prints at its first start (`Setup code: …`). */
function watchForSetupCode(container: Container): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = container.process.child;
    const look = () => {
      const code = /Setup code: ([A-Za-z0-9_-]+)/.exec(container.process.output())?.[1];
      if (code) {
        child.stdout?.off('data', look);
        resolve(code);
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', () => reject(new Error(`the server exited without printing its setup code:\n${container.process.output()}`)));
  });
}
