export {
  describeAccountStoreContract,
  type AccountContractContext,
  type AccountStoreFixture,
} from './account-store-contract';
export { describeDocumentStoreContract, type DocumentStoreFixture } from './document-store-contract';
export {
  DEFAULT_TEST_DATABASE_URL,
  findTestDatabase,
  TestSchemas,
  uniqueName,
  withApplicationName,
  type TestDatabase,
} from './postgres-test-database';
