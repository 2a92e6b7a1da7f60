import * as Y from 'yjs';

/** What a sync after a long offline session merged, for the one-line summary. */
export interface MergeSummary {
  /** This person's changes the server had not stored yet. */
  readonly mine: number;
  /** Characters and other items from others that arrived. */
  readonly others: number;
}

/** Items (characters, elements) other clients added in `update`, beyond what the doc held before. */
export function itemsFromOthers(update: Uint8Array, before: Map<number, number>, own: ReadonlySet<number>): number {
  let count = 0;
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (own.has(client)) continue;
    count += Math.max(0, clock - (before.get(client) ?? 0));
  }
  return count;
}

/** "12 changes from you and 40 from others merged", or undefined when nothing was merged either way. */
export function mergeSummaryText({ mine, others }: MergeSummary): string | undefined {
  if (mine === 0 && others === 0) return undefined;
  const yours = `${mine} ${mine === 1 ? 'change' : 'changes'} from you`;
  const theirs = `${others} from others`;
  if (others === 0) return `${yours} sent and saved`;
  if (mine === 0) return `${others} ${others === 1 ? 'change' : 'changes'} from others merged`;
  return `${yours} and ${theirs} merged`;
}
