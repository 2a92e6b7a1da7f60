import { highlightSegments } from './highlight-segments';

/** A snippet as text, its matching words in <mark>: React escapes every part, so document text stays text. */
export function Highlighted({ snippet, highlights }: { snippet: string; highlights: readonly (readonly [number, number])[] }) {
  return (
    <>
      {highlightSegments(snippet, highlights).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
