export { createCollaborativeEditorState, buildEditingPlugins, type CollaborativeEditorOptions, type EditingOptions } from './editor-plugins';
export { buildCollabPlugins } from './collab-plugins';
export { buildKeyBindings, buildKeymaps, type EditorHost } from './keymap';
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
export {
  TicketRefusedError,
  canEdit,
  refusalCloseCode,
  isRetriableWithNewTicket,
  type SocketTicket,
  type TicketProvider,
} from './connection/socket-ticket';
