import { Schema } from 'prosemirror-model';
import { marks, type MarkName } from './marks';
import { nodes, type NodeName } from './nodes';

/** The ProseMirror schema of every Quire document. */
export const schema: Schema<NodeName, MarkName> = new Schema({ nodes, marks });

export type QuireSchema = typeof schema;
