'use client';

import { updateImage } from '@quire/editor';
import { schema } from '@quire/editor-schema';
import { NodeSelection, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import { Floating } from './floating/Floating';
import floatingStyles from './floating/floating.module.css';
import styles from './toolbar/toolbar.module.css';
import { useRoving } from './toolbar/use-roving';

/** The selected image: where it is, and its text and width. */
export interface SelectedImage {
  pos: number;
  src: string;
  alt: string;
  title: string;
  width: number | null;
}

export function readSelectedImage(state: EditorState): SelectedImage | null {
  const { selection } = state;
  if (!(selection instanceof NodeSelection) || selection.node.type !== schema.nodes.image) return null;
  const { src, alt, title, width } = selection.node.attrs as { src: string; alt: string; title: string; width: number | null };
  return { pos: selection.from, src, alt, title, width };
}

const sameImage = (a: SelectedImage | null, b: SelectedImage | null) =>
  a === b || (a !== null && b !== null && a.pos === b.pos && a.src === b.src && a.alt === b.alt && a.title === b.title && a.width === b.width);

const SIZES = [
  { id: 'small', label: 'Small', width: 240 },
  { id: 'medium', label: 'Medium', width: 480 },
  { id: 'full', label: 'Full width', width: null },
] as const;
const ORDER = ['describe', ...SIZES.map((size) => size.id)];

interface Props {
  view: EditorView | null;
  store: EditorStateStore;
  editable: boolean;
  /** Opens the alt text and caption dialog for the image. */
  onDescribe: (image: SelectedImage) => void;
  topInset: () => number;
}

/**
 * Under a selected image: its alt text and caption (a dialog), and three sizes for people who do
 * not drag the corner handle (keyboards, small screens).
 */
export function ImageControls({ view, store, editable, onDescribe, topInset }: Props) {
  const image = useEditorSelector(store, readSelectedImage, null, sameImage);
  const { onKeyDown, roving } = useRoving(ORDER, 'describe');
  if (!view || !image || !editable) return null;
  const describe = roving('describe');

  return (
    <Floating
      anchor={() => (view.isDestroyed ? null : ((view.nodeDOM(image.pos) as HTMLElement | null)?.getBoundingClientRect() ?? null))}
      placement="below"
      align="center"
      strategy="absolute"
      watch={`${image.pos}:${image.width}`}
      observe={view.dom}
      topInset={topInset}
      className={floatingStyles.panel}
    >
      <div role="toolbar" aria-label="Image" className={`${styles.toolbar} ${styles.bubble}`} onKeyDown={onKeyDown} data-image-controls="">
        <button
          ref={describe.register}
          type="button"
          className={`${styles.button} ${styles.text}`}
          tabIndex={describe.tabIndex}
          onFocus={describe.onFocus}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onDescribe(image)}
        >
          {image.alt ? 'Alt text and caption' : 'Add alt text'}
        </button>
        {SIZES.map((size) => {
          const { register, ...focus } = roving(size.id);
          return (
            <button
              key={size.id}
              ref={register}
              type="button"
              className={`${styles.button} ${styles.text}`}
              {...focus}
              aria-pressed={image.width === size.width}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => updateImage(image.pos, { width: size.width })(view.state, view.dispatch)}
            >
              {size.label}
            </button>
          );
        })}
      </div>
    </Floating>
  );
}
