export { createUnboundEditorState, buildEditingPlugins, type EditingOptions } from './editor-plugins';
export { buildCollabPlugins, type SharedNodeMapping } from './collab-plugins';
export { bindSharedDocument, AT_ONCE_BLOCKS, type SharedDocumentBinding, type SharedDocumentBindingOptions } from './shared-document-binding';
export { buildKeyBindings, buildKeymaps, type EditorHost } from './keymap';
export { moveBlock, moveBlockTransaction } from './blocks/move-block';
export { blockHandlePlugin } from './blocks/block-handle-plugin';
export { buildInputRules, markdownInputRules } from './input-rules';
export { placeholderPlugin } from './placeholder';
export { buildRemoteCursor, buildRemoteSelection } from './remote-cursor';
export {
  TOOLBAR_ACTIONS,
  TOOLBAR_GROUPS,
  toolbarState,
  sameToolbarState,
  shortcutLabel,
  ariaKeyShortcut,
  type ToolbarAction,
  type ToolbarActionId,
  type ToolbarButtonState,
} from './toolbar-actions';
export { parseLinkInput, setLink, removeLink, linkAtSelection, LinkMessage, type LinkInput, type SelectedLink } from './commands/link';
export {
  toggleHeading,
  toggleCodeBlock,
  toggleBlockquote,
  toggleList,
  insertHorizontalRule,
  setParagraph,
  isBlockActive,
} from './commands/blocks';
export { toggleFormat, isMarkActive, type ToggleableMark } from './commands/formatting';
export { indentItem, outdentItem, splitItem } from './commands/lists';
export { USER_COLORS, colorForUserId, isHexColor, contrastRatio } from './identity/palette';
export { friendlyDefaultName, cleanDisplayName, initials, MAX_NAME_LENGTH } from './identity/names';
export { loadIdentity, saveName, IDENTITY_KEY, type StoredIdentity, type IdentityStorage } from './identity/identity-store';
export { CollabSession, type CollabSessionOptions } from './connection/collab-session';
export {
  nextConnectionState,
  initialConnectionState,
  isTerminalCloseCode,
  terminalReason,
  type ConnectionState,
  type ConnectionStatus,
  type ConnectionEvent,
  type TerminalReason,
} from './connection/connection-status';
export { readParticipants, sameParticipants, readAwarenessUser, presenceLabel, type Participant, type AwarenessUser } from './connection/presence';
export { resolveServerUrl, collabSocketUrl, DEFAULT_SERVER_PORT } from './connection/server-url';
export { onTitleAnnounced } from './connection/title-announcement';
export { saveStatus, type SaveStatus, type SaveStatusKind, type SaveStatusOptions } from './connection/save-status';
export { SaveTracker } from './connection/save-tracker';
export { LocalCopy, type LocalCopyState } from './local/local-copy';
export { keptDocuments, deleteLocalCopies, type KeptDocument } from './local/local-copies';
export { setUpdateWorkerUrl } from './update-work/update-work-client';
export { localCopyName } from './local/local-copy-names';
export { mergeSummaryText, type MergeSummary } from './local/merge-summary';
export {
  TicketRefusedError,
  canEdit,
  refusalCloseCode,
  isRetriableWithNewTicket,
  type SocketTicket,
  type TicketProvider,
} from './connection/socket-ticket';
export {
  insertTable,
  nextCell,
  previousCell,
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable,
  isInTable,
  mergeCells,
  splitCell,
  toggleHeaderRow,
  MAX_TABLE_SIZE,
} from './tables/table-commands';
export { buildTablePlugins } from './tables/table-plugins';
export { CODE_LANGUAGES, lowlight, isHighlightable, type CodeLanguage } from './code/languages';
export { codeHighlightPlugin } from './code/highlight-plugin';
export {
  indentCode,
  outdentCode,
  exitCodeOnEmptyLine,
  leaveCodeBlockAtEnd,
  setCodeBlockLanguage,
  codeBlockLanguage,
  CODE_INDENT,
} from './code/code-commands';
export { codeFenceRule, codeLanguageRule } from './code/code-input-rules';
export { toggleTaskItem, toggleTaskList, isTaskChecked } from './tasks/task-commands';
export { taskInputRule } from './tasks/task-input-rule';
export { taskCheckboxPlugin, taskCheckboxKey, handleCheckbox } from './tasks/task-checkbox-plugin';
export { setHighlight, removeHighlight, setTextColor, removeTextColor, activeColor } from './commands/marks';
export { setAlignment, activeAlignment } from './commands/alignment';
export { toggleCallout, activeCalloutKind } from './commands/callout';
export {
  insertImage,
  insertAttachment,
  updateImage,
  completeUpload,
  removeUpload,
  insertMention,
  type ImageAttrs,
  type AttachmentAttrs,
  type MentionAttrs,
} from './commands/media';
export {
  suggestionPlugins,
  suggestionKey,
  moveSuggestion,
  closeSuggestion,
  chooseSuggestion,
  type SuggestionKind,
  type SuggestionItem,
  type SuggestionSource,
  type SuggestionSources,
  type SuggestionState,
} from './suggest/suggestion-plugin';
export {
  buildSlashCommands,
  filterSlashCommands,
  slashSource,
  mentionSource,
  MAX_MENTION_ITEMS,
  type SlashCommand,
  type SlashHost,
  type MentionCandidate,
} from './suggest/slash-commands';
export {
  findReplacePlugin,
  setFindQuery,
  clearFind,
  findNext,
  findPrevious,
  replaceOne,
  replaceAll,
  findState,
  MAX_COUNTED_MATCHES,
  type FindOptions,
  type FindState,
} from './find/find-replace';
export { countWords, countCharacters } from './count/counts';
export { pastePlugin, pasteKey } from './paste/paste-plugin';
export { parsePastedHtml, normalizePastedHtml, cleanPastedSlice, markdownSlice, pastedLink } from './paste/paste-transforms';
export { normalizeWordLists } from './paste/word-lists';
export { commentAnchors, commentThreadId, threadsAt, COMMENT_MARK, type CommentAnchor } from './comments/comment-anchors';
export { commentsPlugin, commentsKey, setActiveThread, activeThread, ACTIVE_COMMENT_CLASS, type CommentsPluginState, type CommentsPluginOptions } from './comments/comment-plugin';
export { commentOnlyPlugin } from './comments/comment-only-plugin';
export { selectionAnchor, selectedQuote, type CommentAnchorInput } from './comments/selection-anchor';
