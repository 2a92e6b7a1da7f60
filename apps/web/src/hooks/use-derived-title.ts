'use client';

import { deriveTitle } from '@quire/editor-schema';
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * The title the text gives the document (its first line, as the server derives the title it
 * stores), re-rendering the caller only when that line changes, not on every edit.
 */
export function useDerivedTitle(doc: Y.Doc | null): string {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => undefined;
      doc.on('update', onChange);
      return () => doc.off('update', onChange);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => (doc ? deriveTitle(doc) : ''), () => '');
}
