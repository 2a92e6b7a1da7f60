export { startProcess, stopProcess, type ManagedProcess } from './child-process';
export { waitForHttp } from './wait-for-http';
export { freePort } from './free-port';
export { workspaceRoot } from './workspace';
