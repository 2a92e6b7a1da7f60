export { mayComment, mayEdit, Role, ROLE_RANK, ShareRole } from './roles';
export { DisplayName, DocumentId, Email, MAX_PASSWORD_LENGTH, MAX_TITLE_LENGTH, MIN_PASSWORD_LENGTH, NewPassword, Timestamp, Title } from './fields';
export {
  ApiTokenList,
  ApiTokenView,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  RenameAccountBody,
  SessionInfo,
  SetupBody,
  SignedIn,
  SigninBody,
  SignupBody,
  UserView,
} from './accounts';
export { SecurityEventList, SecurityEventView, TemporaryPassword, UserList } from './admin';
export {
  AddedMember,
  CreatedInvitation,
  DeletedUser,
  DeleteUserBody,
  DisableUserBody,
  InvitationInfo,
  InvitationList,
  InvitationView,
  OwnedDocumentList,
  OwnedDocumentView,
  ResetRequestBody,
  ResetRequestList,
  ResetRequestView,
  SignupSetting,
} from './people';
export {
  AddMemberBody,
  CreateDocumentBody,
  DocumentLists,
  DocumentView,
  ListedDocumentView,
  InheritedMemberView,
  MemberList,
  MemberView,
  PersonRef,
  RenameDocumentBody,
  RoleBody,
  ShareLinkList,
  ShareLinkView,
} from './documents';
export { GuestTicketBody, JoinAnswer, LinkInfo, TicketAnswer } from './links';
export { DEFAULT_LIST_LIMIT, DocumentPage, ListPageQuery, MAX_LIST_LIMIT, NextCursor } from './pages';
export { FILE_ACCESS_PARAM, FileQuery, RemoteFileBody, UPLOAD_FIELD, UploadedFile } from './files';
export { ErrorBody } from './errors';
export { HealthAnswer, LiveAnswer, OpenApiDocument } from './operations';
export type { ApiRoute, HttpMethod, RouteCaller, RouteGroup } from './api-route';
export { API_ROUTES } from './routes';
export {
  CreateFolderBody,
  DeletedFolder,
  DocumentFolder,
  DocumentFolderBody,
  FolderContents,
  FolderCrumb,
  FolderList,
  FolderMemberList,
  FolderName,
  FolderView,
  MAX_FOLDER_NAME_LENGTH,
  MoveFolderBody,
  RenameFolderBody,
} from './folders';
export {
  ActivityEntry,
  ActivityKind,
  ActivityList,
  CommentAnchor,
  CommentBody,
  CommentText,
  CommentView,
  CreateThreadBody,
  EncodedRelativePosition,
  MarkActivityReadBody,
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
  MENTION_PATTERN,
  mentionedUserIds,
  mentionOf,
  ResolveThreadBody,
  ThreadList,
  ThreadView,
} from './comments';
export {
  CopyVersionBody,
  MAX_VERSION_NAME_LENGTH,
  ProseMirrorNode,
  RestoreAnswer,
  Version,
  VersionChange,
  VersionComparison,
  VersionKind,
  VersionList,
  VersionName,
  VersionNameBody,
  VersionQuery,
} from './versions';
export {
  CONTENT_BODY_TYPES,
  CONTENT_FORMATS,
  CONTENT_MEDIA_TYPES,
  ContentFormat,
  ContentPositionQuery,
  ContentQuery,
  ContentWritten,
  IMPORT_BODY_TYPES,
  IMPORT_FIELD,
  ImportedDocument,
} from './content';
export { createQuireClient, QuireApiError, type ContentBody, type ImportFile, type QuireClient } from './client';
export { RecentDocumentView, RecentList, StarredDocumentView, StarredList, TrashedDocumentView, TrashList } from './organizing';
export {
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_QUERY_LENGTH,
  SEARCH_CHANGED_WITHIN,
  SearchAnswer,
  SearchChangedWithin,
  SearchQuery,
  SearchResult,
  SnippetRange,
} from './search';
export {
  CreatedWebhook,
  CreateWebhookBody,
  WEBHOOK_SIGNATURE_HEADER,
  WebhookDeliveryList,
  WebhookDeliveryView,
  WebhookEvent,
  WebhookList,
  WebhookPayload,
  WebhookView,
} from './webhooks';
