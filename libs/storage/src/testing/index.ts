export { describeDocumentStoreContract, type DocumentStoreFixture } from './document-store-contract';
