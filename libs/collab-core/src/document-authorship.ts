import type { ClientAuthor } from '@quire/storage';
import * as Y from 'yjs';

/**
 * Which Yjs client ids of a document have been stored under which user, as far as this loaded
 * document knows: each pair is sent to the store once per load (the store ignores repeats), so
 * steady typing adds nothing to an append.
 */
export class DocumentAuthorship {
  private readonly recorded = new Set<string>();

  /** The client ids in `update` not yet recorded for `author`, now taken as recorded. */
  newClients(update: Uint8Array, author: string): ClientAuthor[] | undefined {
    let fresh: ClientAuthor[] | undefined;
    for (const clientId of Y.parseUpdateMeta(update).from.keys()) {
      const key = `${clientId}:${author}`;
      if (this.recorded.has(key)) continue;
      this.recorded.add(key);
      (fresh ??= []).push({ clientId, userId: author });
    }
    return fresh;
  }
}
