'use client';

import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useRef, type HTMLAttributes, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import styles from './floating.module.css';

/** A rectangle in viewport coordinates (a DOMRect, or what `view.coordsAtPos` answers). */
export interface AnchorRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Keeps clear of the viewport's edges by this much. */
const MARGIN = 8;
/** Between the anchor and the floating element. */
const GAP = 6;

export interface FloatingProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Where the anchor is now; null hides the element. Called whenever it may have moved. */
  anchor: () => AnchorRect | null;
  /** Above the anchor (flipped below when there is no room), or below it (flipped above). */
  placement: 'above' | 'below';
  /** Aligned with the anchor's start, or centred on it. */
  align?: 'start' | 'center' | 'end';
  /**
   * `fixed` for anchors that stay put when the page scrolls (the sticky toolbar), `absolute` for
   * anchors in the document, which then scroll with it without being measured again.
   */
  strategy: 'fixed' | 'absolute';
  /** Measured again whenever this changes (the selection, the menu's size). */
  watch?: unknown;
  /** An element whose size changes move the anchor (the document: a remote edit above it). */
  observe?: Element | null;
  /** The lowest viewport y it may cover (the sticky header's bottom), for `absolute` elements. */
  topInset?: () => number;
  children: ReactNode;
}

export interface FloatingHandle {
  /** Measures and places it again. */
  update: () => void;
  element: HTMLDivElement | null;
}

/**
 * An element drawn over the page next to an anchor, in a portal (into `FloatingRoot` where the page
 * has one, else <body>) so no scrolling or clipping ancestor (the toolbar scrolls sideways at
 * 390 px) cuts it. It is placed by writing its
 * style directly on scroll, resize and layout changes: moving it never re-renders React.
 */
export const Floating = forwardRef<FloatingHandle, FloatingProps>(function Floating(
  { anchor, placement, align = 'start', strategy, watch, observe, topInset, children, className, style, ...rest },
  ref,
) {
  const element = useRef<HTMLDivElement>(null);
  const anchorRef = useRef(anchor);
  const topInsetRef = useRef(topInset);
  anchorRef.current = anchor;
  topInsetRef.current = topInset;

  const place = useCallback(() => {
    const el = element.current;
    if (!el) return;
    const rect = anchorRef.current();
    if (!rect) {
      el.hidden = true;
      return;
    }
    el.hidden = false;
    const { offsetWidth: width, offsetHeight: height } = el;
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = window.innerHeight;
    const inset = Math.max(topInsetRef.current?.() ?? 0, 0) + MARGIN;
    const wanted = align === 'center' ? (rect.left + rect.right) / 2 - width / 2 : align === 'end' ? rect.right - width : rect.left;
    const left = Math.min(Math.max(wanted, MARGIN), Math.max(MARGIN, viewportWidth - width - MARGIN));
    const aboveTop = rect.top - GAP - height;
    const belowTop = rect.bottom + GAP;
    let top = placement === 'above' ? (aboveTop >= inset ? aboveTop : belowTop) : belowTop + height <= viewportHeight - MARGIN || aboveTop < inset ? belowTop : aboveTop;
    // Never under the sticky header while the anchor is still in view below it.
    if (top < inset && rect.bottom > inset) top = Math.min(inset, rect.bottom - height);
    const offsetX = strategy === 'absolute' ? window.scrollX : 0;
    const offsetY = strategy === 'absolute' ? window.scrollY : 0;
    el.style.left = `${Math.round(left + offsetX)}px`;
    el.style.top = `${Math.round(top + offsetY)}px`;
  }, [align, placement, strategy]);

  useImperativeHandle(ref, () => ({ update: place, element: element.current }), [place]);

  useLayoutEffect(() => {
    place();
  }, [place, watch]);

  useLayoutEffect(() => {
    const onMove = () => place();
    // Fixed elements follow the toolbar's sideways scrolling too (capture: scroll does not bubble);
    // absolute ones scroll with the page, and are placed again only to stay below the header.
    if (strategy === 'fixed') window.addEventListener('scroll', onMove, { capture: true, passive: true });
    else window.addEventListener('scroll', onMove, { passive: true });
    window.addEventListener('resize', onMove);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onMove);
    if (observe) observer?.observe(observe);
    if (element.current) observer?.observe(element.current);
    return () => {
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('scroll', onMove);
      window.removeEventListener('resize', onMove);
      observer?.disconnect();
    };
  }, [place, strategy, observe]);

  if (typeof document === 'undefined') return null;
  const classes = [styles.floating, strategy === 'fixed' ? styles.fixed : styles.absolute, className].filter(Boolean).join(' ');
  return createPortal(
    <div ref={element} className={classes} style={style} {...rest}>
      {children}
    </div>,
    document.querySelector(`[${ROOT_ATTRIBUTE}]`) ?? document.body,
  );
});

const ROOT_ATTRIBUTE = 'data-floating-root';

/**
 * Where floating elements are drawn: a place inside the page's main landmark, so that menus and
 * bubbles are inside a landmark as all content should be (axe's "region"), rather than loose in
 * <body>. It lays out no box of its own (display: contents), and nothing above it is positioned,
 * so floating elements are still placed against the page and the viewport.
 */
export function FloatingRoot() {
  return <div className={styles.root} {...{ [ROOT_ATTRIBUTE]: '' }} />;
}
