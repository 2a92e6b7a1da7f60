export { describeDirectoryContract, type DirectoryFixture } from './directory-contract';
export { ODD_QUERIES, randomQuery, seededRandom } from './contract-search';
export { describeCommentContract, type CommentFixture } from './comment-contract';
export { describeWebhookContract, type WebhookFixture } from './webhook-contract';
export { describeFolderContract, type FolderFixture } from './folder-contract';
export { describePeopleContract, type PeopleFixture } from './people-contract';
export {
  describeUpdateLogContract,
  withOwnedDocuments,
  type LogContractStorage,
  type UpdateLogFixture,
} from './update-log-contract';
export {
  createDocuments,
  createOwnedDocuments,
  DOCUMENT_OWNER,
  ownedDocuments,
  type TestDocuments,
} from './test-documents';
export {
  DEFAULT_TEST_DATABASE_URL,
  findTestDatabase,
  TestSchemas,
  uniqueName,
  withApplicationName,
  type TestDatabase,
} from './postgres-test-database';
