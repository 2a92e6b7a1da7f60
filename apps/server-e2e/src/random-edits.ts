import * as Y from 'yjs';

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One random edit of a ProseMirror-shaped fragment, as y-prosemirror would make it: add a
 * paragraph, type into one, delete some text, or remove a paragraph.
 */
export function randomEdit(fragment: Y.XmlFragment, random: () => number, label: string): void {
  const paragraphs = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
  const choice = random();
  if (paragraphs.length === 0 || choice < 0.2) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`${label} `)]);
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
    return;
  }
  const paragraph = paragraphs[Math.floor(random() * paragraphs.length)];
  const text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) return;
  if (choice < 0.75) {
    text.insert(Math.floor(random() * (text.length + 1)), `${label}${Math.floor(random() * 100)} `);
  } else if (choice < 0.95 && text.length > 0) {
    const start = Math.floor(random() * text.length);
    text.delete(start, Math.min(3, text.length - start));
  } else if (fragment.length > 1) {
    fragment.delete(fragment.toArray().indexOf(paragraph), 1);
  }
}
