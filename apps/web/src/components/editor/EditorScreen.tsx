'use client';

import { canEdit, linkAtSelection, removeLink, setLink, type EditorHost, type TicketProvider } from '@quire/editor';
import type { QueryKey } from '@tanstack/react-query';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCollabSession } from '../../hooks/use-collab-session';
import { useEditorView } from '../../hooks/use-editor-view';
import { useIsMac } from '../../hooks/use-is-mac';
import { useLiveTitle } from '../../hooks/use-live-title';
import { CommitCounter } from '../common/CommitCounter';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { Wordmark } from '../common/Wordmark';
import { ConnectionBanner } from './ConnectionBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import styles from './editor.module.css';
import { EditorHelp } from './EditorHelp';
import { EditorTitle } from './EditorTitle';
import { LinkDialog } from './LinkDialog';
import { PresenceBar } from './PresenceBar';
import { RoleBadge } from './RoleBadge';
import { Toolbar, type ToolbarHandle } from './Toolbar';

/** Failed first attempts before the page says the server cannot be reached (retries go on). */
const UNREACHABLE_AFTER_ATTEMPTS = 3;

interface Props {
  documentId: string;
  /** A fresh ticket for every connection: the member's, or a guest's through a share link. */
  ticket: TicketProvider;
  /** The server's title; '' when it has none (the first line of the text is shown instead). */
  serverTitle: string;
  /** The query `serverTitle` comes from, read again when the server announces a rename. */
  titleKey: QueryKey;
  /** Renames on the server; offered while the connection's role is owner or editor. */
  onRename?: (title: string) => Promise<void>;
  /** Header actions after the presence bar: Share, Copy link. */
  actions?: ReactNode;
  /** Guests change their name from their own presence chip. */
  onEditName?: () => void;
  /** Changing it reconnects with a fresh ticket (a guest's new name must come from the ticket). */
  renewKey?: string;
  /** Where "Sign in" goes when the session has ended. */
  signInHref: string;
  guest?: boolean;
}

/**
 * The editor page: header with presence and sharing, toolbar, and the document. It re-renders when
 * the connection changes; a transaction re-renders only the parts it changed (the toolbar's
 * buttons, the title from the first line), and the presence bar only when someone comes or goes.
 */
export function EditorScreen({ documentId, ticket, serverTitle, titleKey, onRename, actions, onEditName, renewKey, signInHref, guest = false }: Props) {
  const { session, connection } = useCollabSession({ documentId, ticket });
  useLiveTitle(session, titleKey);
  const isMac = useIsMac();

  const [mount, setMount] = useState<HTMLDivElement | null>(null);
  const toolbar = useRef<ToolbarHandle>(null);
  const [linkDialog, setLinkDialog] = useState<{ open: boolean; href: string | null }>({ open: false, href: null });
  const editorId = useId();
  const helpId = useId();

  const status = connection.status;
  const mayEdit = canEdit(connection.role);
  const editable = status.kind !== 'closed' && mayEdit;

  // Only a change of the key renews: the session's first connection already used the current one.
  const renewedKey = useRef(renewKey);
  useEffect(() => {
    if (renewKey === renewedKey.current) return;
    renewedKey.current = renewKey;
    session?.renew();
  }, [renewKey, session]);

  // The editor is created once per session; it reaches the current view through this ref.
  const viewRef = useRef<EditorView | null>(null);
  const host = useMemo<EditorHost>(
    () => ({
      requestLink: () => {
        const current = viewRef.current;
        if (!current?.editable) return;
        setLinkDialog({ open: true, href: linkAtSelection(current.state)?.href ?? null });
      },
      leaveEditor: () => {
        toolbar.current?.focus();
        return true;
      },
    }),
    [],
  );
  const attributes = useMemo(
    () => ({
      id: editorId,
      class: 'quire-doc',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': 'Document',
      'aria-describedby': helpId,
      spellcheck: 'true',
    }),
    [editorId, helpId],
  );
  const { view, store } = useEditorView({ session, mount, host, editable, attributes });

  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  function closeLinkDialog() {
    setLinkDialog({ open: false, href: null });
    view?.focus();
  }

  return (
    <CommitCounter id="editor">
      <div className={styles.page}>
        <a className="skip-link" href={`#${editorId}`}>
          Skip to the document
        </a>
        <header className={styles.header}>
          <div className={styles.topRow}>
            <div className={styles.identity}>
              <Wordmark />
              <span className={styles.divider} aria-hidden="true" />
              <CommitCounter id="title">
                <div className={styles.titleBlock}>
                  <EditorTitle session={session} serverTitle={serverTitle} {...(onRename && editable ? { onRename } : {})} />
                  <div className={styles.statusRow}>
                    <ConnectionIndicator status={status} />
                    <RoleBadge role={connection.role} />
                  </div>
                </div>
              </CommitCounter>
            </div>
            <div className={styles.actions}>
              {session?.user ? (
                <CommitCounter id="presence">
                  <PresenceBar awareness={session.awareness} selfName={session.user.name} {...(onEditName ? { onEditName } : {})} />
                </CommitCounter>
              ) : null}
              {actions}
            </div>
          </div>
          <div className={styles.toolbarRow}>
            <CommitCounter id="toolbar">
              <Toolbar
                ref={toolbar}
                view={view}
                store={store}
                onLink={() => host.requestLink?.()}
                controls={editorId}
                disabled={!editable}
                isMac={isMac}
              />
            </CommitCounter>
          </div>
        </header>

        {status.kind === 'closed' ? (
          <ConnectionBanner reason={status.reason} wasConnected={connection.wasConnected} signInHref={signInHref} guest={guest} />
        ) : null}
        {status.kind === 'connecting' && connection.failedAttempts >= UNREACHABLE_AFTER_ATTEMPTS ? (
          <div className={styles.notice}>
            <ServerUnreachable action="open this document" retrying />
          </div>
        ) : null}

        <main className={styles.canvas}>
          <article
            className={styles.paper}
            aria-busy={!view}
            onMouseDown={(event) => {
              // The page margins belong to the document, as on paper: clicking them starts typing.
              if (event.target === event.currentTarget && view) {
                event.preventDefault();
                view.focus();
              }
            }}
          >
            <EditorHelp id={helpId} isMac={isMac} readOnly={!mayEdit} />
            <div ref={setMount} />
          </article>
          {mayEdit ? (
            <p className={styles.hint} aria-hidden="true">
              <kbd>Esc</kbd> moves to the toolbar · <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>K</kbd> adds a link · Markdown
              shortcuts like <kbd>#</kbd> <kbd>-</kbd> <kbd>&gt;</kbd> work as you type
            </p>
          ) : null}
        </main>

        <LinkDialog
          open={linkDialog.open}
          currentHref={linkDialog.href}
          onApply={(href) => {
            if (view) setLink(href)(view.state, view.dispatch);
            closeLinkDialog();
          }}
          onRemove={() => {
            if (view) removeLink(view.state, view.dispatch);
            closeLinkDialog();
          }}
          onCancel={closeLinkDialog}
        />
      </div>
    </CommitCounter>
  );
}
