import { spawnSync } from 'node:child_process';

/** The commit the measured code came from, and whether the working tree differed from it. */
export interface GitState {
  readonly commit: string;
  /** Files changed but not committed: the server measured is the working tree, not the commit. */
  readonly dirty: boolean;
}

export function gitState(repoRoot: string): GitState | undefined {
  const head = spawnSync('git', ['-C', repoRoot, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return undefined;
  const status = spawnSync('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
  return { commit: head.stdout.trim(), dirty: status.stdout.trim() !== '' };
}

export function describeGit(state: GitState | undefined): string {
  if (state === undefined) return 'not a git checkout';
  return `${state.commit.slice(0, 10)}${state.dirty ? ' with uncommitted changes in the working tree' : ''}`;
}
