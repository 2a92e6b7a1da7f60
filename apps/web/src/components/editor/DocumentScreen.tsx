'use client';

import { useCallback, useState } from 'react';
import { useDocument } from '../../hooks/use-document';
import { renameDocument } from '../../lib/api/documents';
import { documentTicket } from '../../lib/api/tickets';
import { withNext } from '../../lib/next-path';
import { RequireAccount } from '../common/RequireAccount';
import { CopyLinkButton } from './CopyLinkButton';
import { EditorScreen } from './EditorScreen';
import { ShareDialog } from './share/ShareDialog';

interface Props {
  documentId: string;
  configuredServerUrl: string | null;
}

/** /d/<id>: a signed-in member's editor; the owner also shares it from here. */
export function DocumentScreen({ documentId, configuredServerUrl }: Props) {
  return (
    <RequireAccount configuredServerUrl={configuredServerUrl} action="open this document" watchSession={false}>
      {({ serverUrl }) => <MemberEditor documentId={documentId} serverUrl={serverUrl} />}
    </RequireAccount>
  );
}

function MemberEditor({ documentId, serverUrl }: { documentId: string; serverUrl: string }) {
  const { state, update, refresh } = useDocument(serverUrl, documentId);
  const document = state.kind === 'loaded' ? state.value : null;
  const [sharing, setSharing] = useState(false);
  const ticket = useCallback((signal: AbortSignal) => documentTicket(serverUrl, documentId, signal), [serverUrl, documentId]);
  const rename = useCallback(
    async (title: string) => {
      const renamed = await renameDocument(serverUrl, documentId, title);
      update(() => renamed);
    },
    [serverUrl, documentId, update],
  );
  const isOwner = document?.role === 'owner';

  return (
    <>
      <EditorScreen
        documentId={documentId}
        serverUrl={serverUrl}
        ticket={ticket}
        serverTitle={document?.title ?? ''}
        onRename={rename}
        refreshTitle={refresh}
        signInHref={withNext('/signin', `/d/${documentId}`)}
        actions={
          <>
            {isOwner ? (
              <button type="button" className="button button--primary" onClick={() => setSharing(true)}>
                Share
              </button>
            ) : null}
            <CopyLinkButton />
          </>
        }
      />
      {isOwner ? <ShareDialog open={sharing} serverUrl={serverUrl} documentId={documentId} onClose={() => setSharing(false)} /> : null}
    </>
  );
}
