'use client';

import { removeUpload } from '@quire/editor';
import type { EditorView } from 'prosemirror-view';
import { useEffect } from 'react';
import type { LiveMap } from './live-map';
import type { UploadStatus } from './media-context';

/**
 * When the page goes away with uploads still running, their placeholders go too: otherwise every
 * collaborator would see "being uploaded" for good, since only this page could complete them.
 */
export function useAbandonUploads(view: EditorView | null, uploads: LiveMap<UploadStatus>): void {
  useEffect(() => {
    if (!view) return;
    const abandon = () => {
      if (view.isDestroyed) return;
      for (const id of uploads.keys()) removeUpload(id)(view.state, view.dispatch);
    };
    window.addEventListener('pagehide', abandon);
    return () => {
      window.removeEventListener('pagehide', abandon);
      abandon();
    };
  }, [view, uploads]);
}
