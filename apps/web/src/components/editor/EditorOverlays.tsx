'use client';

import type { EditorView } from 'prosemirror-view';
import type { EditorStateStore } from '../../lib/editor-state-store';
import { CodeLanguagePicker } from './CodeLanguagePicker';
import { FloatingToolbar } from './FloatingToolbar';
import { ImageControls, type SelectedImage } from './ImageControls';
import { LinkPopover } from './LinkPopover';
import { SuggestionMenu } from './SuggestionMenu';
import { TableControls } from './TableControls';
import type { PageRequest } from './toolbar/toolbar-model';

interface Props {
  view: EditorView | null;
  store: EditorStateStore;
  editorId: string;
  editable: boolean;
  isMac: boolean;
  linkEditing: boolean;
  /** The find bar selects each match: no formatting bubble on those. */
  finding: boolean;
  onRequest: (request: PageRequest) => void;
  onLinkEdit: () => void;
  onLinkDone: () => void;
  onDescribeImage: (image: SelectedImage) => void;
  /** The sticky header's bottom: floating bars stay below it. */
  topInset: () => number;
  /** Comment on the selection (people who may comment): a button in the selection's bubble. */
  onComment?: (() => void) | undefined;
}

/**
 * Everything drawn over the document next to what it is about: the slash and `@` menus, the
 * formatting bubble on a selection, the link popover, and the controls of the table, code block or
 * image the selection is in. Each reads the part of the editor's state it shows, so a transaction
 * that changes none of them re-renders none of them.
 */
export function EditorOverlays({ view, store, editorId, editable, isMac, linkEditing, finding, onRequest, onLinkEdit, onLinkDone, onDescribeImage, topInset, onComment }: Props) {
  return (
    <>
      <SuggestionMenu view={view} store={store} editorId={editorId} />
      <FloatingToolbar view={view} store={store} editable={editable && !linkEditing && !finding} onComment={linkEditing || finding ? undefined : onComment} isMac={isMac} onRequest={onRequest} topInset={topInset} />
      <LinkPopover view={view} store={store} editable={editable} editing={linkEditing} onEdit={onLinkEdit} onDone={onLinkDone} topInset={topInset} />
      <TableControls view={view} store={store} editable={editable} topInset={topInset} />
      <CodeLanguagePicker view={view} store={store} editable={editable} topInset={topInset} />
      <ImageControls view={view} store={store} editable={editable} onDescribe={onDescribeImage} topInset={topInset} />
    </>
  );
}
