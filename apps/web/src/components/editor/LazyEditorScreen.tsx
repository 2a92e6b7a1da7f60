'use client';

import { lazy, Suspense } from 'react';
import { PageLoading } from '../common/PageStatus';
import type { EditorScreenProps } from './editor-screen-props';
import { loadEditorScreen } from './load-editor-screen';

const EditorScreen = lazy(loadEditorScreen);

/**
 * The editor page, its code loaded after the page has hydrated and evaluated a part per task
 * (load-editor-screen.ts), so that opening a document never holds the page for long.
 */
export function LazyEditorScreen(props: EditorScreenProps) {
  return (
    <Suspense fallback={<PageLoading label="Opening the document…" />}>
      <EditorScreen {...props} />
    </Suspense>
  );
}
