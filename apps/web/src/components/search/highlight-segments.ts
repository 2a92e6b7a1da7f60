/** A stretch of a snippet, highlighted or not. */
export interface Segment {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * A plain-text snippet cut into segments at the `[start, end)` ranges the server marked. Ranges out
 * of bounds, overlapping or out of order are clamped or skipped, never trusted: the snippet is
 * rendered as text in any case, so nothing in it can become markup.
 */
export function highlightSegments(snippet: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, Math.min(rawStart, snippet.length));
    const end = Math.max(start, Math.min(rawEnd, snippet.length));
    if (end === start) continue;
    if (start > at) segments.push({ text: snippet.slice(at, start), marked: false });
    segments.push({ text: snippet.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.length) segments.push({ text: snippet.slice(at), marked: false });
  return segments;
}
