import type { Node } from 'prosemirror-model';
import { schema } from '@quire/editor-schema';
import { ContentError } from './content-error';

/**
 * ProseMirror JSON of the shared schema as a document: a `doc` whose every node, mark and attribute
 * the schema accepts (`Node.check`). Anything else is a {@link ContentError} naming the problem.
 */
export function documentFromJson(json: unknown): Node {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'doc') {
    throw new ContentError('Expected ProseMirror JSON of a Quire document: an object with "type": "doc"');
  }
  try {
    const doc = schema.nodeFromJSON(json);
    doc.check();
    return doc;
  } catch (error) {
    throw new ContentError(`This JSON is not a Quire document: ${(error as Error).message}`);
  }
}
