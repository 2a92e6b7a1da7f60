'use client';

import type { LinkInfo } from '@quire/api-contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIdentity } from '../../hooks/use-identity';
import { useApi } from '../../lib/api/api-context';
import { linkKey } from '../../lib/api/links';
import { linkTicket } from '../../lib/api/tickets';
import { withNext } from '../../lib/next-path';
import { PageLoading } from '../common/PageStatus';
import { EditorScreen } from '../editor/EditorScreen';
import { NameDialog } from '../editor/NameDialog';

interface Props {
  token: string;
  /** The link as last read: its title is the document's. */
  link: LinkInfo;
}

/** A guest reads the threads (with their ticket's file token) and writes none: they are nobody's author. */
const GUEST_COMMENTS = { selfId: '', isOwner: false };

/**
 * A guest reading along through a viewer link: asked for a name first (remembered in this browser),
 * then the document read-only, with a fresh link ticket for every connection.
 */
export function GuestEditor({ token, link }: Props) {
  const api = useApi();
  const { identity, suggestedName, chooseName } = useIdentity();
  const [dialog, setDialog] = useState<'closed' | 'first' | 'edit'>('closed');
  const name = identity?.name ?? null;

  useEffect(() => {
    if (identity && identity.name === null) setDialog('first');
  }, [identity]);

  // The latest ticket's file token: the document's images and files load with it.
  const fileToken = useRef<string | null>(null);
  const readFileToken = useCallback(() => fileToken.current, []);
  // A new function when the name changes: the next ticket, and so the connection, carry it.
  const ticket = useCallback(
    async (signal: AbortSignal) => {
      const answer = await linkTicket(api, token, name ?? suggestedName, signal);
      fileToken.current = answer.fileToken ?? null;
      return answer;
    },
    [api, token, name, suggestedName],
  );

  return (
    <>
      {name === null ? (
        <PageLoading label="Opening the document…" />
      ) : (
        <EditorScreen
          documentId={link.documentId}
          ticket={ticket}
          serverTitle={link.title}
          titleKey={linkKey(token)}
          onEditName={() => setDialog('edit')}
          renewKey={name}
          fileToken={readFileToken}
          comments={GUEST_COMMENTS}
          signInHref={withNext('/signin', `/s/${encodeURIComponent(token)}`)}
          guest
        />
      )}
      <NameDialog
        open={dialog !== 'closed'}
        firstVisit={dialog === 'first'}
        initialName={name ?? suggestedName}
        onSave={(chosen) => {
          const saved = chooseName(chosen);
          if (saved) setDialog('closed');
          return saved;
        }}
        onCancel={() => {
          // Dismissing the first prompt accepts the suggested name, so it is not asked again.
          if (dialog === 'first') chooseName(suggestedName);
          setDialog('closed');
        }}
      />
    </>
  );
}
