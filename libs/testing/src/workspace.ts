import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest directory above `from` (the working directory) with nx.json. */
export function workspaceRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${from}: run the tests inside the Quire repository`);
    dir = parent;
  }
  return dir;
}
