/** A card to place: where its text is (viewport y, or null for a thread without text) and its height. */
export interface MarginItem {
  anchorTop: number | null;
  height: number;
}

/** Space between two cards. */
export const CARD_GAP = 8;

/**
 * Each card's top, in the margin's coordinates: next to its text where there is room, pushed down
 * past the one above otherwise. The active card (if any) sits exactly beside its text and the cards
 * before it move up to make room, as in Google Docs. Cards without text follow the last one.
 * Items come in document order; `anchorTop` is relative to the margin's top. With no active card,
 * `from` and the `previous` tops let a change re-place only the cards from the changed one down.
 */
export function layoutMargin(items: readonly MarginItem[], activeIndex: number, from = 0, previous: readonly number[] = []): number[] {
  // Cards above `from` are where they were (their inputs did not change): only those below are placed.
  const start = activeIndex < 0 && from > 0 && from <= previous.length && from <= items.length ? from : 0;
  const tops = start ? previous.slice(0, items.length) : new Array<number>(items.length).fill(0);
  const before = items[start - 1];
  let bottom = start && before ? (tops[start - 1] as number) + before.height + CARD_GAP : 0;
  for (let index = start; index < items.length; index++) {
    const item = items[index] as MarginItem;
    tops[index] = Math.max(item.anchorTop ?? bottom, bottom);
    bottom = (tops[index] as number) + item.height + CARD_GAP;
  }
  const active = items[activeIndex];
  if (!active || active.anchorTop === null || tops[activeIndex] === active.anchorTop) return tops;
  // The active card at its text; those after it pushed down, those before it pushed up.
  tops[activeIndex] = Math.max(0, active.anchorTop);
  let below = tops[activeIndex] + active.height + CARD_GAP;
  for (let index = activeIndex + 1; index < items.length; index++) {
    const item = items[index] as MarginItem;
    tops[index] = Math.max(item.anchorTop ?? below, below);
    below = tops[index] + item.height + CARD_GAP;
  }
  let above = tops[activeIndex];
  for (let index = activeIndex - 1; index >= 0; index--) {
    const item = items[index] as MarginItem;
    const top = Math.min(tops[index] as number, above - CARD_GAP - item.height);
    tops[index] = top;
    above = top;
  }
  // Nothing above the margin's top: if the first card went above 0, push everything down again.
  const shift = Math.max(0, -(tops[0] ?? 0));
  return shift ? tops.map((top) => top + shift) : tops;
}
