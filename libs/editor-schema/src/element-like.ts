/**
 * The part of a DOM element that the parse rules read. The schema compiles without the DOM library
 * because the server imports it too; in a browser (and in the paste tests) these are real elements.
 */
export interface NodeLike {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  querySelector(selectors: string): NodeLike | null;
  readonly children: ArrayLike<NodeLike>;
}

/** An HTML element: a node with inline styles. */
export interface ElementLike extends NodeLike {
  readonly style: {
    readonly fontWeight: string;
    readonly textAlign?: string;
  };
}
