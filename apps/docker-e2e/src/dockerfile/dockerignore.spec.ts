import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@quire/testing';
import { DockerIgnore } from './dockerignore';

describe('DockerIgnore', () => {
  it('matches within a segment, across segments, at the root only, and re-includes', () => {
    const ignore = new DockerIgnore(['# comment', '**/node_modules', 'data', '*.log', '**/.env.*', '!**/.env.example'].join('\n'));
    expect(ignore.ignores('node_modules/yjs/package.json')).toBe(true);
    expect(ignore.ignores('apps/web/node_modules/x')).toBe(true);
    expect(ignore.ignores('data/quire.db')).toBe(true);
    expect(ignore.ignores('apps/data/x.ts')).toBe(false);
    expect(ignore.ignores('server.log')).toBe(true);
    expect(ignore.ignores('logs/server.log')).toBe(false);
    expect(ignore.ignores('docker/.env.production')).toBe(true);
    expect(ignore.ignores('docker/.env.example')).toBe(false);
    expect(ignore.ignores('apps/server/src/main.ts')).toBe(false);
  });

  it("keeps the repository's .dockerignore: sources in, dependencies, builds and secrets out", () => {
    const ignore = new DockerIgnore(readFileSync(path.join(workspaceRoot(), '.dockerignore'), 'utf8'));
    for (const kept of ['package.json', 'package-lock.json', '.npmrc', 'apps/server/src/main.ts', 'docker/server-standalone.mjs', 'docker/.env.example']) {
      expect(ignore.ignores(kept), kept).toBe(false);
    }
    for (const left of ['node_modules/yjs/package.json', 'apps/server/dist/main.js', 'apps/web/.next/BUILD_ID', '.git/HEAD', 'data/quire.db', 'docker/.env', '.env', 'libs/protocol/dist/index.js']) {
      expect(ignore.ignores(left), left).toBe(true);
    }
  });
});
