'use client';

import type { CommentAnchor } from '@quire/editor';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { EditorStateStore } from '../../../lib/editor-state-store';
import { whenIdle, type IdleTime } from '../../../lib/idle';
import { layoutMargin, type MarginItem } from './margin-layout';
import { anchorsOf } from './thread-order';

interface Options {
  /** The margin's list: its children with `data-margin-item` are the cards. */
  list: RefObject<HTMLDivElement | null>;
  view: EditorView | null;
  store: EditorStateStore;
  narrow: boolean;
  activeThreadId: string | null;
  /** Where the thread being started is (the card `data-margin-item="new"`), or null. */
  pendingFrom: number | null;
}

/** What the last pass saw, kept between frames so the next one measures and moves only what changed. */
interface Memory {
  cards: HTMLElement[];
  /** The cards changed (a render): list them again. */
  cardsChanged: boolean;
  /** Card heights, from the ResizeObserver's entries (no read of our own once a card is watched). */
  heights: WeakMap<Element, number>;
  /** Each anchor's top relative to the text's top (scrolling and the margin's header moving leave it true). */
  anchorTops: Map<string, number | null>;
  /** The document the anchors were measured in; a new one re-measures only from its first change. */
  doc: Node | null;
  /** Everything to measure again (the text reflowed: a width change, an image loaded). */
  remeasureAll: boolean;
  /** The text's size at the last measure, to tell our own reflows from others. */
  textWidth: number;
  textHeight: number;
  items: MarginItem[];
  tops: number[];
  /** The card each of `tops` was computed for (a card inserted above moves the others' indexes). */
  cardsAtTops: HTMLElement[];
  /** The top last written to each card's transform: far from the viewport it may lag behind `tops`. */
  written: WeakMap<HTMLElement, number>;
  /** Some card's transform lags behind its top (written when it nears the viewport, or when idle). */
  stale: boolean;
  activeIndex: number;
  /** Transforms were cleared for the narrow sheet. */
  cleared: boolean;
}

/**
 * Places the margin's cards beside their text, incrementally and at most once a frame: every
 * trigger (a new document state, a card's size, the text reflowing, a render) only marks what
 * changed and asks for one requestAnimationFrame pass, which reads first (anchors from the first
 * changed block on, heights of cards not yet watched), places the cards from the first one whose
 * anchor or height changed downwards, and writes the transforms of those near the viewport; the
 * others follow in idle time, or when a scroll brings them near, or when a card takes the focus.
 * (A card coming into view (content-visibility) takes its real height and pushes every card below
 * it: writing all of those was hundreds of style changes a frame while scrolling 500 threads.)
 * Positions live in refs and styles, never in React state, so nothing re-renders. The cards scroll
 * with the text (same scroll container: the page). The pass waits while the margin is not
 * displayed (rAF itself waits in a hidden tab).
 */
export function useMarginLayout({ list, view, store, narrow, activeThreadId, pendingFrom }: Options): void {
  const memory = useRef<Memory>({
    cards: [],
    cardsChanged: true,
    heights: new WeakMap(),
    anchorTops: new Map(),
    doc: null,
    remeasureAll: true,
    textWidth: -1,
    textHeight: -1,
    items: [],
    tops: [],
    cardsAtTops: [],
    written: new WeakMap(),
    stale: false,
    activeIndex: -1,
    cleared: false,
  });
  const frame = useRef(0);
  const cancelIdle = useRef<(() => void) | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  // The latest props for the pass, which runs outside React.
  const latest = useRef({ view, narrow, activeThreadId, pendingFrom });
  latest.current = { view, narrow, activeThreadId, pendingFrom };

  // The lagging transforms, a few dozen at a time while the page is idle.
  const scheduleIdle = useCallback(() => {
    const write = (idleTime: IdleTime) => {
      cancelIdle.current = null;
      const state = memory.current;
      if (state.stale && !state.cleared && writeSome(state, idleTime)) cancelIdle.current = whenIdle(write, IDLE_TIMEOUT_MS);
    };
    cancelIdle.current ??= whenIdle(write, IDLE_TIMEOUT_MS);
  }, []);

  const pass = useCallback(() => {
    frame.current = 0;
    const state = memory.current;
    const { view, narrow, activeThreadId, pendingFrom } = latest.current;
    const container = list.current;
    if (!container || !view || view.isDestroyed) return;
    if (state.cardsChanged) {
      const cards = Array.from(container.querySelectorAll<HTMLElement>(':scope > [data-margin-item]'));
      const kept = new Set(cards);
      for (const card of state.cards) if (!kept.has(card)) observer.current?.unobserve(card);
      for (const card of cards) observer.current?.observe(card);
      state.cards = cards;
      state.cardsChanged = false;
    }
    if (narrow) {
      // The sheet lists cards in flow: no transforms, nothing to measure.
      if (!state.cleared) {
        for (const card of state.cards) card.style.transform = '';
        container.style.height = '';
        state.written = new WeakMap();
        state.stale = false;
        state.cleared = true;
        state.tops = [];
        state.items = [];
      }
      return;
    }
    // Not displayed (no boxes): nothing to place; what changed stays marked for when it shows.
    if (container.getClientRects().length === 0) return;
    state.cleared = false;

    // Reads, all before any write (one layout at most).
    const doc = view.state.doc;
    const anchors = anchorsOf(doc);
    const textRect = view.dom.getBoundingClientRect();
    const containerTop = container.getBoundingClientRect().top;
    const offset = textRect.top - containerTop;
    const measure = (from: number): number | null => {
      try {
        return view.coordsAtPos(Math.min(from, doc.content.size)).top - textRect.top;
      } catch {
        return null;
      }
    };
    // An anchor's top is its mark's first span's: one query for all of them, then a rect each
    // (coordsAtPos, a DOM walk and a Range per anchor, took most of a 500-thread pass).
    let spans: Map<string, Element> | null = null;
    const measureAnchor = (anchor: { threadId: string; from: number }): number | null => {
      spans ??= firstSpans(view.dom);
      const rect = spans.get(anchor.threadId)?.getClientRects()[0];
      return rect ? rect.top - textRect.top : measure(anchor.from);
    };
    remeasureAnchors(state, doc, anchors, measureAnchor);
    state.textWidth = textRect.width;
    state.textHeight = textRect.height;
    const pendingTop = pendingFrom === null ? null : measure(pendingFrom);
    let activeIndex = -1;
    const items = state.cards.map((card, index): MarginItem => {
      const id = card.dataset['marginItem'] ?? '';
      if (id === activeThreadId || id === 'new') activeIndex = index;
      const relative = id === 'new' ? pendingTop : (state.anchorTops.get(id) ?? null);
      let height = state.heights.get(card);
      if (height === undefined) {
        height = card.offsetHeight;
        state.heights.set(card, height);
      }
      return { anchorTop: relative === null ? null : relative + offset, height };
    });

    // The first card whose inputs changed: those above it stay where they are.
    let first = 0;
    if (activeIndex === state.activeIndex && items.length >= state.items.length) {
      while (first < state.items.length && state.cards[first] === state.cardsAtTops[first] && sameItem(items[first], state.items[first])) first++;
      if (first === items.length && items.length === state.items.length) {
        // Nothing moved; a scroll may have brought cards whose transforms lag into view.
        if (state.stale && writeNear(state, containerTop)) scheduleIdle();
        return;
      }
    }
    const tops = layoutMargin(items, activeIndex, first, state.tops);
    const last = items.length - 1;
    const height = last >= 0 ? `${(tops[last] ?? 0) + (items[last]?.height ?? 0)}px` : '';
    if (container.style.height !== height) container.style.height = height;
    state.items = items;
    state.tops = tops;
    state.cardsAtTops = state.cards.slice();
    state.activeIndex = activeIndex;
    state.stale = true;
    // Writes: transforms of the cards near the viewport; the rest in idle time (see writeNear).
    if (writeNear(state, containerTop)) scheduleIdle();
  }, [list, scheduleIdle]);

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(pass);
  }, [pass]);


  // A render may add, remove or reorder cards, or change the active one: list them in the next pass.
  useLayoutEffect(() => {
    memory.current.cardsChanged = true;
    schedule();
  });
  useEffect(() => {
    if (!view) return;
    const state = memory.current;
    const unsubscribe = store.subscribe(() => {
      if (store.state && store.state.doc !== state.doc) schedule();
    });
    const resized = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const box = entry.borderBoxSize?.[0];
        if (entry.target === view.dom) {
          // Our own pass measured this size already (typing that wraps a line): only a reflow of
          // the text by something else (the window, an image, a font) re-measures every anchor.
          const width = box ? box.inlineSize : entry.contentRect.width;
          const height = box ? box.blockSize : entry.contentRect.height;
          if (Math.abs(width - state.textWidth) > 0.5 || (Math.abs(height - state.textHeight) > 0.5 && store.state?.doc === state.doc)) {
            state.remeasureAll = true;
            changed = true;
          }
          continue;
        }
        const height = box ? box.blockSize : (entry.target as HTMLElement).offsetHeight;
        if (state.heights.get(entry.target) !== height) {
          state.heights.set(entry.target, height);
          changed = true;
        }
      }
      if (changed) schedule();
    });
    resized.observe(view.dom);
    observer.current = resized;
    // Cards whose transform lags are written as they near the viewport (any scroll container's).
    const scrolled = () => {
      if (state.stale) schedule();
    };
    document.addEventListener('scroll', scrolled, { capture: true, passive: true });
    // A card taking the focus (Tab, a #thread- link) is scrolled to where it really is.
    const focused = () => {
      if (state.stale) writeSome(state, null);
    };
    const container = list.current;
    container?.addEventListener('focusin', focused, { capture: true });
    state.cardsChanged = true;
    state.remeasureAll = true;
    schedule();
    return () => {
      unsubscribe();
      resized.disconnect();
      document.removeEventListener('scroll', scrolled, { capture: true });
      container?.removeEventListener('focusin', focused, { capture: true });
      observer.current = null;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      cancelIdle.current?.();
      cancelIdle.current = null;
    };
  }, [view, store, list, schedule]);
}

/** How far beyond the viewport (in viewport heights) cards get their transforms at once. */
const NEAR_VIEWPORTS = 1.5;
/** Transforms written per idle callback at most (each costs a style recalculation of its card). */
const IDLE_BATCH = 40;
/** A page never idle (scrolling on and on) still gets a batch this often. */
const IDLE_TIMEOUT_MS = 500;

const writeTop = (state: Memory, card: HTMLElement, top: number) => {
  card.style.transform = `translateY(${top}px)`;
  state.written.set(card, top);
};

/**
 * Writes the transforms of the cards near the viewport (and of cards never placed, which would
 * otherwise stand at the margin's top); returns whether others still lag. A card coming into view
 * resizes and pushes every card below it: writing only the nearby ones keeps that a handful of
 * style changes instead of hundreds per frame.
 */
function writeNear(state: Memory, containerTop: number): boolean {
  const height = window.innerHeight;
  const from = -NEAR_VIEWPORTS * height - containerTop;
  const to = (1 + NEAR_VIEWPORTS) * height - containerTop;
  let lagging = false;
  state.cards.forEach((card, index) => {
    const top = state.tops[index] as number;
    const written = state.written.get(card);
    if (written === top) return;
    const bottom = top + (state.items[index]?.height ?? 0);
    const near = (bottom >= from && top <= to) || (written !== undefined && written + (state.items[index]?.height ?? 0) >= from && written <= to);
    if (near || written === undefined || index === state.activeIndex) writeTop(state, card, top);
    else lagging = true;
  });
  state.stale = lagging;
  return lagging;
}

/** Writes lagging transforms until `deadline` runs short or a batch is done (all of them without one); returns whether some remain. */
function writeSome(state: Memory, deadline: IdleTime | null): boolean {
  let count = 0;
  for (let index = 0; index < state.cards.length; index++) {
    const card = state.cards[index] as HTMLElement;
    const top = state.tops[index] as number;
    if (state.written.get(card) === top) continue;
    if (deadline && (count >= IDLE_BATCH || (!deadline.didTimeout && deadline.timeRemaining() < 2))) return true;
    writeTop(state, card, top);
    count++;
  }
  state.stale = false;
  return false;
}

/** Each thread's first highlighted span in the text (the comment mark's, libs/editor-schema). */
function firstSpans(text: HTMLElement): Map<string, Element> {
  const spans = new Map<string, Element>();
  for (const span of text.querySelectorAll('.quire-comment[data-thread-id]')) {
    const id = span.getAttribute('data-thread-id');
    if (id && !spans.has(id)) spans.set(id, span);
  }
  return spans;
}

const sameItem = (a: MarginItem | undefined, b: MarginItem | undefined) => !!a && !!b && a.height === b.height && a.anchorTop === b.anchorTop;

/**
 * Brings the anchors' tops up to date with `doc`. Text before the first changed block has not
 * moved; inside the changed blocks every anchor is measured; after them the text moved as one
 * (normal flow), so one measure gives the shift of all the rest.
 */
function remeasureAnchors(state: Memory, doc: Node, anchors: Map<string, CommentAnchor>, measure: (anchor: CommentAnchor) => number | null): void {
  const previous = state.doc;
  if (previous === doc && !state.remeasureAll) {
    // Same document: only threads not measured yet (a card that just arrived).
    for (const [id, anchor] of anchors) if (!state.anchorTops.has(id)) state.anchorTops.set(id, measure(anchor));
    return;
  }
  const tops = new Map<string, number | null>();
  let regionStart = 0;
  let regionEnd = Number.POSITIVE_INFINITY;
  if (previous && !state.remeasureAll) {
    const start = previous.content.findDiffStart(doc.content);
    if (start === null) {
      regionStart = Number.POSITIVE_INFINITY;
    } else {
      const end = previous.content.findDiffEnd(doc.content);
      const size = doc.content.size;
      const endB = Math.min(size, end ? Math.max(end.b, start) : size);
      const $start = doc.resolve(Math.min(start, size));
      const $end = doc.resolve(endB);
      regionStart = $start.depth ? $start.before(1) : start;
      regionEnd = $end.depth ? $end.after(1) : endB;
    }
  }
  let shift: number | null = null;
  for (const [id, anchor] of anchors) {
    const known = state.anchorTops.get(id);
    if (known !== undefined && known !== null && anchor.from < regionStart) {
      tops.set(id, known);
    } else if (known !== undefined && known !== null && anchor.from >= regionEnd && shift !== null) {
      tops.set(id, known + shift);
    } else {
      const top = measure(anchor);
      tops.set(id, top);
      if (anchor.from >= regionEnd && shift === null && top !== null && known !== undefined && known !== null) shift = top - known;
    }
  }
  state.anchorTops = tops;
  state.doc = doc;
  state.remeasureAll = false;
}
