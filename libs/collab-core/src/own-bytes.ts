/**
 * A copy in its own buffer. Payloads are views into the frame, and the frame may be a view into a
 * larger pooled buffer: lib0's readers trust lengths, so a lying length inside an update would
 * read neighbouring memory. In a buffer of its own it throws instead. Content Yjs keeps as views
 * (binary content) also must not alias memory the transport reuses. `new Uint8Array` copies even
 * a Buffer, whose `slice` would not.
 */
export function ownBytes(view: Uint8Array): Uint8Array {
  return new Uint8Array(view);
}
