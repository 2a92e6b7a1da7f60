export { FakeSocket } from './fake-socket';
export { TestClient, settle, writerAccess } from './test-client';
export { ControlledStore, deferred, type AppendCall, type Deferred } from './controlled-store';
export { RecordingLogger, type LogLine } from './recording-logger';
export { HubFixture, TEST_DOCUMENT } from './hub-fixture';
export { textUpdate, twoConsecutiveUpdates } from './updates';
export { eventually } from './eventually';
export { InstancesFixture, type TestInstance } from './instances-fixture';
