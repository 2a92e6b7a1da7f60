import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from './workspace';

describe('workspaceRoot', () => {
  it('finds the directory with nx.json above the given one', () => {
    const root = workspaceRoot(__dirname);
    expect(existsSync(path.join(root, 'nx.json'))).toBe(true);
    expect(path.relative(root, __dirname)).toBe(path.join('libs', 'testing', 'src'));
  });

  it('says so outside a repository', () => {
    expect(() => workspaceRoot('/')).toThrow('No nx.json above /: run the tests inside the Quire repository');
  });
});
