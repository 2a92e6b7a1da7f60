import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './dockerfile/parse-dockerfile';
import { workspaceRoot } from '@quire/testing';

const run = promisify(execFile);
const root = workspaceRoot();

describe.each(['server.Dockerfile', 'web.Dockerfile'])('docker/%s', (name) => {
  const file = path.join(root, 'docker', name);
  const stages = parseDockerfile(readFileSync(file, 'utf8'));
  const final = stages.at(-1)!;
  const finalKeywords = final.instructions.map((instruction) => instruction.keyword);

  it('lints clean with dockerfile-utils: no error, no warning', async () => {
    const result = await run(path.join(root, 'node_modules/.bin/dockerfile-utils'), ['lint', file]).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    expect(result).toEqual({ code: 0, output: '' });
  });

  it('builds in one stage on Node.js 22 slim with npm ci, and runs another with only what it built', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.base).toBe('node:22-slim');
    expect(stages[0].instructions.some((instruction) => instruction.keyword === 'RUN' && /^npm ci\b/.test(instruction.args))).toBe(true);
    // The final stage installs nothing: it copies the build's output.
    const copies = final.instructions.filter((instruction) => instruction.keyword === 'COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy.flags['from'], copy.text).toBe(stages[0].name);
    expect(final.instructions.some((instruction) => instruction.keyword === 'RUN' && /\bnpm\b/.test(instruction.args))).toBe(false);
  });

  it('runs as the unprivileged node user, with a healthcheck, a graceful stop and labels', () => {
    const user = final.instructions.filter((instruction) => instruction.keyword === 'USER');
    expect(user.map((instruction) => instruction.args)).toEqual(['node']);
    // Everything after USER runs as node: only CMD-like metadata may follow it.
    const afterUser = finalKeywords.slice(finalKeywords.indexOf('USER') + 1);
    expect(afterUser.filter((keyword) => !['EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'CMD'].includes(keyword))).toEqual([]);
    expect(final.instructions.find((instruction) => instruction.keyword === 'STOPSIGNAL')?.args).toBe('SIGTERM');
    expect(final.instructions.find((instruction) => instruction.keyword === 'HEALTHCHECK')?.args).toMatch(/^CMD \["node"/);
    expect(final.instructions.find((instruction) => instruction.keyword === 'LABEL')?.args).toContain('org.opencontainers.image.title=');
    expect(final.instructions.find((instruction) => instruction.keyword === 'CMD')?.args).toMatch(/^\["node", ("--[a-z-]+=\d+", )*"apps\/(server\/dist\/main|web\/server)\.js"\]$/);
  });

  it('bakes in no secret: no ARG, and no ENV whose name says secret, password or token', () => {
    const all = stages.flatMap((stage) => stage.instructions);
    expect(all.filter((instruction) => instruction.keyword === 'ARG')).toEqual([]);
    const envs = all.filter((instruction) => instruction.keyword === 'ENV').map((instruction) => instruction.args);
    for (const env of envs) expect(env).not.toMatch(/SECRET|PASSWORD|TOKEN|DATABASE_URL|REDIS_URL/i);
  });
});

describe('the two build stages', () => {
  it('share their first steps through npm ci, so Docker performs them once for both images', () => {
    const [server, web] = ['server.Dockerfile', 'web.Dockerfile'].map((name) =>
      parseDockerfile(readFileSync(path.join(root, 'docker', name), 'utf8'))[0].instructions.map((instruction) => instruction.text),
    );
    const shared = server.slice(0, server.findIndex((text) => text.startsWith('RUN npm ci')) + 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(web.slice(0, shared.length)).toEqual(shared);
  });
});
