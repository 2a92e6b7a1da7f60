'use client';

import type { DocumentView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api/api-context';
import { documentFolderQuery, foldersQuery, useMoveDocument } from '../../lib/api/folders';
import { MoveToDialog } from './MoveToDialog';

/** “Move to…” for a document of the caller's: open while `document` is given. */
export function MoveDocumentDialog({ document, onDone }: { document: DocumentView | undefined; onDone: () => void }) {
  const api = useApi();
  const folders = useQuery({ ...foldersQuery(api), enabled: document !== undefined });
  const where = useQuery({ ...documentFolderQuery(api, document?.id ?? ''), enabled: document !== undefined });
  const move = useMoveDocument();
  return (
    <MoveToDialog
      open={document !== undefined}
      name={document?.title.trim() || 'Untitled'}
      folders={folders.data ?? []}
      current={where.data?.folderId ?? null}
      onMove={async (folderId) => {
        await move.mutateAsync({ documentId: (document as DocumentView).id, folderId });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
