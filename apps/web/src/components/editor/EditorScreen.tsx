'use client';

import { canEdit, updateImage, type EditorHost } from '@quire/editor';
import { useQuery } from '@tanstack/react-query';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { startTransition, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCollabSession } from '../../hooks/use-collab-session';
import { useContentReady } from '../../hooks/use-content-ready';
import { useSessionRenewal } from '../../hooks/use-session-renewal';
import { useLeaveWarning } from '../../hooks/use-unsaved-changes';
import { useLocalCopyNotices } from './use-local-copy-notices';
import { useEditorView } from '../../hooks/use-editor-view';
import { useIsMac } from '../../hooks/use-is-mac';
import { useLiveTitle } from '../../hooks/use-live-title';
import { useMembersFollowPresence } from '../../hooks/use-members-follow-presence';
import { useApi } from '../../lib/api/api-context';
import { versionListQuery } from '../../lib/api/versions';
import { CommitCounter } from '../common/CommitCounter';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { Wordmark } from '../common/Wordmark';
import { ConnectionBanner } from './ConnectionBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import { DocumentCounts } from './DocumentCounts';
import './document-elements.css';
import styles from './editor.module.css';
import { editorAttributes } from './editor-attributes';
import { EditorHelp } from './EditorHelp';
import { EditorNotices, type Notice } from './EditorNotices';
import { CommentButtons } from './comments/CommentButtons';
import './comments/comment-marks.css';
import commentStyles from './comments/comments.module.css';
import { CommentsPanel } from './comments/CommentsPanel';
import { useDocumentComments, type DocumentComments } from './comments/use-document-comments';
import { EditorOverlays } from './EditorOverlays';
import { EditorTitle } from './EditorTitle';
import { FindBar, type FindBarHandle } from './FindBar';
import { FloatingRoot } from './floating/Floating';
import { useFindFromAddress } from '../search/use-find-from-address';
import { HistoryButton } from './history/HistoryButton';
import { HistoryPanel } from './history/HistoryPanel';
import historyStyles from './history/history.module.css';
import { useVersionHistory } from './history/use-version-history';
import { VersionPreview } from './history/VersionPreview';
import { previousVersionId } from './history/version-words';
import { ImageDialog } from './ImageDialog';
import type { SelectedImage } from './ImageControls';
import { imageWithSrc } from './media/image-with-src';
import { useAbandonUploads } from './media/use-abandon-uploads';
import { insertUploads } from './media/upload-files';
import { useEditorMedia, type DocumentPerson } from './media/use-editor-media';
import { PresenceBar } from './PresenceBar';
import { RoleBadge } from './RoleBadge';
import screenStyles from './screen.module.css';
import { ShortcutsDialog } from './ShortcutsDialog';
import { suggestionAttributes } from './SuggestionMenu';
import { Toolbar, type ToolbarHandle } from './toolbar/Toolbar';
import type { PageRequest } from './toolbar/toolbar-model';
import type { EditorScreenProps } from './editor-screen-props';
import { useEditorKeys } from './use-editor-keys';
import { caretBlockDecorations } from './caret-block';

/** Failed first attempts before the page says the server cannot be reached (retries go on). */
const UNREACHABLE_AFTER_ATTEMPTS = 3;

/** The image alt text dialog: which image, and whether it was just uploaded (then it asks). */
interface ImageText {
  src: string;
  alt: string;
  title: string;
  asking: boolean;
}

/** One empty list for every render, so the memoized thread cards are not re-rendered by a new `[]`. */
const NO_PEOPLE: readonly DocumentPerson[] = [];

/**
 * The editor page: header with presence, sharing and (for people who may edit) the toolbar, and the
 * document with its menus and bubbles. It re-renders when the connection changes; a transaction
 * re-renders only the parts it changed (a toolbar button, a menu, the title from the first line),
 * and the presence bar only when someone comes or goes.
 */

export function EditorScreen(props: EditorScreenProps) {
  const { documentId, ticket, serverTitle, titleKey, onRename, actions, account, onEditName, renewKey, signInHref, guest = false, members, refreshMembers, fileToken, withHistory = false, comments: commentsOptions, localCopyUser } = props;
  const { session, connection, localCopy, localCopies } = useCollabSession({ documentId, ticket, localCopyUser });
  useLeaveWarning(session);
  useLiveTitle(session, titleKey);
  useMembersFollowPresence(session?.awareness ?? null, members, refreshMembers);
  const isMac = useIsMac();

  const [mount, setMount] = useState<HTMLDivElement | null>(null);
  // A ref's state set during the commit that mounts the screen is rendered synchronously at its end,
  // which first runs that commit's effects (the queries' fetches among them): one task of 50–55 ms
  // when a 500-thread document opened (apps/web-e2e README, `comments-performance`). In a
  // transition it is rendered later, in slices.
  const mountRef = useCallback((element: HTMLDivElement | null) => startTransition(() => setMount(element)), []);
  const toolbar = useRef<ToolbarHandle>(null);
  const findBar = useRef<FindBarHandle>(null);
  const header = useRef<HTMLElement>(null);
  const imageInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [linkEditing, setLinkEditing] = useState(false);
  const [finding, setFinding] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [imageText, setImageText] = useState<ImageText | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const editorId = useId();
  const helpId = useId();
  const historyPanelId = useId();

  const status = connection.status;
  // Opened from a search result: find its words once the document has loaded.
  const findOnLoad = useFindFromAddress();
  const loaded = status.kind === 'connected' && status.synced;
  useEffect(() => {
    if (findOnLoad && loaded) setFinding(true);
  }, [findOnLoad, loaded]);
  const mayEdit = canEdit(connection.role);
  const editable = status.kind !== 'closed' && mayEdit;
  // Commenters select with the keyboard too: their view takes the focus, but none of their changes.
  const commentOnly = connection.role === 'commenter' && commentsOptions !== undefined;
  const viewEditable = editable || (status.kind !== 'closed' && commentOnly);
  const commentsRef = useRef<DocumentComments | null>(null);
  const openThread = useCallback((threadId: string) => commentsRef.current?.openThread(threadId), []);
  const commentsPanelId = useId();
  const editableRef = useRef(editable);
  useEffect(() => {
    editableRef.current = editable;
  }, [editable]);

  useSessionRenewal(session, renewKey);

  // The editor is created once per session; it reaches the current view through this ref.
  const viewRef = useRef<EditorView | null>(null);
  const notify = useCallback((message: string) => setNotices((current) => [...current, { id: Date.now() + Math.random(), message }]), []);
  useLocalCopyNotices(session, localCopy, notify);
  const askForAlt = useCallback((src: string) => {
    const found = viewRef.current ? imageWithSrc(viewRef.current.state, src) : null;
    if (found) setImageText({ src, alt: String(found.node.attrs['alt']), title: String(found.node.attrs['title']), asking: true });
  }, []);
  const media = useEditorMedia({ documentId, ...(fileToken ? { fileToken } : {}), ...(members ? { members } : {}), onError: notify, onImageUploaded: askForAlt });

  const request = useCallback((what: PageRequest) => {
    if (!editableRef.current) return;
    if (what === 'link') setLinkEditing(true);
    else (what === 'image' ? imageInput : fileInput).current?.click();
  }, []);
  const host = useMemo<EditorHost>(
    () => ({
      requestLink: () => request('link'),
      requestImage: () => request('image'),
      requestFile: () => request('file'),
      mentionCandidates: media.mentionCandidates,
      leaveEditor: () => {
        if (!toolbar.current) return false;
        toolbar.current.focus();
        return true;
      },
    }),
    [request, media],
  );
  const attributes = useMemo(() => editorAttributes(editorId, helpId), [editorId, helpId]);
  const stateAttributes = useCallback((state: EditorState) => suggestionAttributes(editorId, state), [editorId]);
  const openFind = useCallback(() => {
    setFinding(true);
    findBar.current?.focus();
  }, []);
  const handleKeyDown = useEditorKeys({ onFind: openFind, onShortcuts: () => setShortcuts(true) });
  const viewProps = useMemo(
    () => ({ nodeViews: media.nodeViews, handlePaste: media.handlePaste, handleDrop: media.handleDrop, handleKeyDown, decorations: caretBlockDecorations }),
    [media, handleKeyDown],
  );
  const contentReady = useContentReady(session, connection, localCopy);
  const { view, store } = useEditorView({ session, mount, host, editable: viewEditable, attributes, stateAttributes, props: viewProps, commentOnly, onOpenThread: openThread, contentReady });
  const comments = useDocumentComments({ documentId, enabled: commentsOptions !== undefined, session, view, role: connection.role, notify, access: guest ? fileToken : undefined });
  useEffect(() => {
    commentsRef.current = comments;
  });

  useEffect(() => {
    viewRef.current = view;
  }, [view]);
  useAbandonUploads(view, media.uploadHost.uploads);

  const api = useApi();
  const history = useVersionHistory(withHistory && mayEdit, header);
  const versionList = useQuery({ ...versionListQuery(api, documentId, history.open) });

  const topInset = useCallback(() => header.current?.getBoundingClientRect().bottom ?? 0, []);

  function pickFiles(files: FileList | null, input: HTMLInputElement | null) {
    if (view && files && files.length > 0) insertUploads(view, Array.from(files), media.uploadHost);
    if (input) input.value = '';
  }

  return (
    <CommitCounter id="editor">
      <div className={styles.page}>
        <a className="skip-link" href={`#${editorId}`}>
          Skip to the document
        </a>
        <header ref={header} className={styles.header}>
          <div className={styles.topRow}>
            <div className={styles.identity}>
              <Wordmark />
              <span className={styles.divider} aria-hidden="true" />
              <div className={styles.titleBlock}>
                {props.breadcrumbs}
                <CommitCounter id="title">
                  <EditorTitle session={session} serverTitle={serverTitle} {...(onRename && editable ? { onRename } : {})} />
                </CommitCounter>
                {/* Outside the title's counter: the saving state changes with every keystroke. */}
                <div className={styles.statusRow}>
                  <ConnectionIndicator session={session} connection={connection} editing={mayEdit} localCopies={localCopies} />
                  <RoleBadge role={connection.role} />
                </div>
              </div>
            </div>
            <div className={styles.actions}>
              {session?.user ? (
                <CommitCounter id="presence">
                  <PresenceBar awareness={session.awareness} selfName={session.user.name} {...(onEditName ? { onEditName } : {})} />
                </CommitCounter>
              ) : null}
              {withHistory && mayEdit ? (
                <HistoryButton ref={history.button} open={history.open} isMac={isMac} panelId={historyPanelId} onToggle={history.toggle} />
              ) : null}
              {actions}
            </div>
            {account ? <div className={styles.account}>{account}</div> : null}
          </div>
          {mayEdit || commentsOptions ? (
            <div className={`${styles.toolbarRow} ${commentStyles.toolbarRowWithComments}`}>
              {mayEdit ? (
                <CommitCounter id="toolbar">
                  <Toolbar ref={toolbar} view={view} store={store} onRequest={request} controls={editorId} disabled={!editable} isMac={isMac} />
                </CommitCounter>
              ) : null}
              {commentsOptions ? (
                <CommentButtons
                  canComment={comments.canComment && status.kind !== 'closed'}
                  isMac={isMac}
                  onComment={comments.requestComment}
                  count={comments.threads?.filter((thread) => !thread.resolved).length ?? 0}
                  sheetOpen={comments.sheetOpen}
                  onToggleSheet={() => comments.setSheetOpen(!comments.sheetOpen)}
                  sheetId={commentsPanelId}
                />
              ) : null}
            </div>
          ) : null}
          {finding && view ? (
            <div className={screenStyles.findRow}>
              <FindBar
                ref={findBar}
                view={view}
                store={store}
                canReplace={editable}
                initialSearch={findOnLoad ?? undefined}
                onClose={() => {
                  setFinding(false);
                  view.focus();
                }}
              />
            </div>
          ) : null}
        </header>

        {status.kind === 'closed' ? (
          <ConnectionBanner reason={status.reason} wasConnected={connection.wasConnected} signInHref={signInHref} guest={guest} />
        ) : null}
        {status.kind === 'connecting' && connection.failedAttempts >= UNREACHABLE_AFTER_ATTEMPTS ? (
          <div className={styles.notice}>
            <ServerUnreachable
              action="open this document"
              retrying
              safe={localCopies ? 'Your changes are saved on this device and will be sent when the connection returns.' : 'Keep this tab open: your changes are kept here and sent when the connection returns.'}
            />
          </div>
        ) : null}

        <div className={history.open ? historyStyles.withPanel : undefined}>
          <main className={`${styles.canvas} ${commentsOptions ? commentStyles.canvasWithComments : ''}`}>
            {history.selected ? (
              <VersionPreview
                key={history.selected.id}
                documentId={documentId}
                version={history.selected}
                previousId={previousVersionId(versionList.data ?? [], history.selected.id)}
                nodeViews={media.nodeViews}
                onClose={() => history.select(null)}
                onRestored={() => history.select(null)}
              />
            ) : null}
            <article
              className={styles.paper}
              hidden={history.selected !== null}
              aria-busy={!view}
              onMouseDown={(event) => {
                // The page margins belong to the document, as on paper: clicking them starts typing.
                if (event.target === event.currentTarget && view) {
                  event.preventDefault();
                  view.focus();
                }
              }}
            >
              <EditorHelp id={helpId} isMac={isMac} readOnly={!mayEdit} commentOnly={commentOnly} />
              <div ref={mountRef} />
            </article>
            {commentsOptions && !history.selected ? (
              <CommentsPanel
                id={commentsPanelId}
                view={view}
                store={store}
                threads={comments.threads}
                loadError={comments.loadError}
                activeThreadId={comments.activeThreadId}
                pending={comments.pending}
                narrow={comments.narrow}
                open={comments.sheetOpen}
                onClose={() => comments.setSheetOpen(false)}
                showResolved={comments.showResolved}
                onShowResolved={comments.setShowResolved}
                canComment={comments.canComment && status.kind !== 'closed'}
                selfId={commentsOptions.selfId}
                isOwner={commentsOptions.isOwner}
                people={members ?? NO_PEOPLE}
                actions={comments.actions}
                onCreate={comments.create}
                onCancelPending={comments.cancelPending}
              />
            ) : null}
            {history.selected ? null : <DocumentCounts store={store} />}
            {mayEdit && !history.selected ? (
              <p className={styles.hint} aria-hidden="true">
                <kbd>/</kbd> inserts a block · <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>K</kbd> adds a link · <kbd>?</kbd> lists every shortcut
              </p>
            ) : null}
            {/* Menus, bubbles and popovers are drawn here, inside the main landmark. */}
            <FloatingRoot />
          </main>
          {history.open ? (
            <HistoryPanel
              ref={history.heading}
              id={historyPanelId}
              documentId={documentId}
              selectedId={history.selected?.id ?? null}
              onSelect={history.select}
              onClose={history.close}
              previewing={history.selected !== null}
            />
          ) : null}
        </div>

        <EditorOverlays
          view={view}
          store={store}
          editorId={editorId}
          editable={editable}
          isMac={isMac}
          linkEditing={linkEditing}
          finding={finding}
          onRequest={request}
          onLinkEdit={() => setLinkEditing(true)}
          onLinkDone={() => {
            setLinkEditing(false);
            view?.focus();
          }}
          onDescribeImage={(image: SelectedImage) => setImageText({ ...image, asking: false })}
          topInset={topInset}
          onComment={comments.canComment && status.kind !== 'closed' ? comments.requestComment : undefined}
        />
        <ImageDialog
          image={imageText}
          asking={imageText?.asking ?? false}
          onSave={(text) => {
            // Found again by its source: collaborators may have moved it while the dialog was open.
            const found = view && imageText ? imageWithSrc(view.state, imageText.src) : null;
            if (view && found) updateImage(found.pos, text)(view.state, view.dispatch);
            setImageText(null);
            view?.focus();
          }}
          onCancel={() => {
            setImageText(null);
            view?.focus();
          }}
        />
        <ShortcutsDialog open={shortcuts} isMac={isMac} onClose={() => setShortcuts(false)} />
        <EditorNotices notices={notices} onDismiss={(id) => setNotices((current) => current.filter((notice) => notice.id !== id))} />
        <input ref={imageInput} type="file" accept="image/*" multiple hidden onChange={(event) => pickFiles(event.target.files, event.target)} />
        <input ref={fileInput} type="file" multiple hidden onChange={(event) => pickFiles(event.target.files, event.target)} />
      </div>
    </CommitCounter>
  );
}
