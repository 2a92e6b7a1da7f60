/**
 * The part of a DOM element that the parse rules read. The schema compiles without the DOM library
 * because the server imports it too.
 */
export interface ElementLike {
  getAttribute(name: string): string | null;
  readonly style: { readonly fontWeight: string };
}
