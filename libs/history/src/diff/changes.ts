/** ProseMirror JSON, as `Node#toJSON`, `Mark#toJSON` and `Slice#toJSON` give it. */
export type ProseMirrorJSON = { readonly [key: string]: unknown };

/** A node's type and attributes, before or after a change to them. */
export interface NodeMarkup {
  readonly type: string;
  readonly attrs: ProseMirrorJSON;
}

/**
 * What a change covers: `text`, characters (and inline nodes) inside one textblock; `node`, one
 * whole node (a paragraph, a list, a table, an image, a mention).
 */
export type ChangeKind = 'text' | 'node';

/** Content of the newer document in `[from, to)` is new. */
export interface InsertChange {
  readonly type: 'insert';
  readonly kind: ChangeKind;
  readonly from: number;
  readonly to: number;
  /** Whose it is: the one person who wrote it, or everyone who wrote inside a new node; empty when unknown. */
  readonly authorIds: readonly string[];
}

/** Content of the older document in `[fromA, toA)` is gone; it stood where `at` is in the newer one. */
export interface DeleteChange {
  readonly type: 'delete';
  readonly kind: ChangeKind;
  readonly at: number;
  readonly fromA: number;
  readonly toA: number;
  /** What was deleted, to show struck through (`Slice#toJSON`). */
  readonly slice: ProseMirrorJSON;
  /** Who may have deleted it: Yjs records no deleter, so everyone who edited between the two. */
  readonly authorIds: readonly string[];
}

/** Text of the newer document in `[from, to)` gained or lost marks. */
export interface FormatChange {
  readonly type: 'format';
  readonly from: number;
  readonly to: number;
  readonly added: readonly ProseMirrorJSON[];
  readonly removed: readonly ProseMirrorJSON[];
  readonly authorIds: readonly string[];
}

/** The node of the newer document at `[from, to)` changed its type or attributes (a heading's level, a task's check). */
export interface NodeChange {
  readonly type: 'node';
  readonly from: number;
  readonly to: number;
  readonly before: NodeMarkup;
  readonly after: NodeMarkup;
  readonly authorIds: readonly string[];
}

/** One difference between two documents; positions are ProseMirror positions, in the newer document unless named `…A`. */
export type DocumentChange = InsertChange | DeleteChange | FormatChange | NodeChange;
