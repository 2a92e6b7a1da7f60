'use client';

import { linkAtSelection, removeLink, setLink, titleFromDocument, type EditorHost } from '@quire/editor';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCollabSession } from '../../hooks/use-collab-session';
import { useEditorView } from '../../hooks/use-editor-view';
import { useIdentity } from '../../hooks/use-identity';
import { useIsMac } from '../../hooks/use-is-mac';
import { useParticipants } from '../../hooks/use-participants';
import { useServerTitle } from '../../hooks/use-server-title';
import { useServerUrl } from '../../hooks/use-server-url';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { Wordmark } from '../common/Wordmark';
import { ConnectionBanner } from './ConnectionBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import { CopyLinkButton } from './CopyLinkButton';
import styles from './editor.module.css';
import { EditorHelp } from './EditorHelp';
import { LinkDialog } from './LinkDialog';
import { NameDialog } from './NameDialog';
import { PresenceBar } from './PresenceBar';
import { Toolbar, type ToolbarHandle } from './Toolbar';

/** Failed first attempts before the page says the server cannot be reached (retries go on). */
const UNREACHABLE_AFTER_ATTEMPTS = 3;

interface Props {
  documentId: string;
  configuredServerUrl: string | null;
}

/** The editor page: header with presence and sharing, toolbar, and the document. */
export function EditorScreen({ documentId, configuredServerUrl }: Props) {
  const serverUrl = useServerUrl(configuredServerUrl);
  const { identity, suggestedName, chooseName } = useIdentity();
  const displayName = identity?.name ?? suggestedName;
  const { session, connection } = useCollabSession({
    serverUrl,
    documentId,
    userId: identity?.id ?? null,
    userName: displayName,
  });
  const participants = useParticipants(session);
  const serverTitle = useServerTitle(serverUrl, documentId);
  const isMac = useIsMac();

  const [mount, setMount] = useState<HTMLDivElement | null>(null);
  const toolbar = useRef<ToolbarHandle>(null);
  const [nameDialog, setNameDialog] = useState<'closed' | 'first' | 'edit'>('closed');
  const [linkDialog, setLinkDialog] = useState<{ open: boolean; href: string | null }>({ open: false, href: null });
  const editorId = useId();
  const helpId = useId();

  const status = connection.status;
  const editable = status.kind !== 'closed';

  // The editor is created once per session; it reaches the current view through this ref.
  const viewRef = useRef<EditorView | null>(null);
  const host = useMemo<EditorHost>(
    () => ({
      requestLink: () => {
        const current = viewRef.current;
        setLinkDialog({ open: true, href: current ? (linkAtSelection(current.state)?.href ?? null) : null });
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
  const { view, state } = useEditorView({ session, mount, host, editable, attributes });

  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  useEffect(() => {
    if (identity && identity.name === null) setNameDialog('first');
  }, [identity]);

  const derivedTitle = state ? titleFromDocument(state.doc) : '';
  const title = serverTitle || derivedTitle || 'Untitled document';
  useEffect(() => {
    document.title = `${title} — Quire`;
  }, [title]);

  function closeLinkDialog() {
    setLinkDialog({ open: false, href: null });
    view?.focus();
  }

  return (
    <div className={styles.page}>
      <a className="skip-link" href={`#${editorId}`}>
        Skip to the document
      </a>
      <header className={styles.header}>
        <div className={styles.topRow}>
          <div className={styles.identity}>
            <Wordmark />
            <span className={styles.divider} aria-hidden="true" />
            <div className={styles.titleBlock}>
              <h1 className={title === 'Untitled document' ? `${styles.docTitle} ${styles.untitled}` : styles.docTitle}>{title}</h1>
              <ConnectionIndicator status={status} />
            </div>
          </div>
          <div className={styles.actions}>
            {identity ? (
              <PresenceBar participants={participants} selfName={displayName} onEditName={() => setNameDialog('edit')} />
            ) : null}
            <CopyLinkButton />
          </div>
        </div>
        <div className={styles.toolbarRow}>
          <Toolbar
            ref={toolbar}
            view={view}
            state={state}
            onLink={() => host.requestLink?.()}
            controls={editorId}
            disabled={!editable}
            isMac={isMac}
          />
        </div>
      </header>

      {status.kind === 'closed' ? <ConnectionBanner reason={status.reason} /> : null}
      {status.kind === 'connecting' && connection.failedAttempts >= UNREACHABLE_AFTER_ATTEMPTS && serverUrl ? (
        <div className={styles.notice}>
          <ServerUnreachable serverUrl={serverUrl} action="open this document" retrying />
        </div>
      ) : null}

      <main className={styles.canvas}>
        <article
          className={styles.paper}
          aria-busy={!state}
          onMouseDown={(event) => {
            // The page margins belong to the document, as on paper: clicking them starts typing.
            if (event.target === event.currentTarget && view) {
              event.preventDefault();
              view.focus();
            }
          }}
        >
          <EditorHelp id={helpId} isMac={isMac} />
          <div ref={setMount} />
        </article>
        <p className={styles.hint} aria-hidden="true">
          <kbd>Esc</kbd> moves to the toolbar · <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>K</kbd> adds a link · Markdown
          shortcuts like <kbd>#</kbd> <kbd>-</kbd> <kbd>&gt;</kbd> work as you type
        </p>
      </main>

      <NameDialog
        open={nameDialog !== 'closed'}
        firstVisit={nameDialog === 'first'}
        initialName={displayName}
        onSave={(name) => {
          const saved = chooseName(name);
          if (saved) {
            setNameDialog('closed');
            view?.focus();
          }
          return saved;
        }}
        onCancel={() => {
          // Dismissing the first prompt accepts the suggested name, so it is not asked again.
          if (nameDialog === 'first') chooseName(displayName);
          setNameDialog('closed');
        }}
      />
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
  );
}
