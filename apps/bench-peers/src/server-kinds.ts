import { join, resolve } from 'node:path';
import { peerFile } from './peer-servers';

/** How a load-generator client frames its messages for a server. */
export type Dialect = 'y-websocket' | 'hocuspocus';

/** The servers of a run, in the order each round takes them. */
export const SERVER_NAMES = ['quire', 'hocuspocus', 'y-websocket', 'relay'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

/** The peers Quire is compared with (the relay is a floor, not a peer). */
export const PEERS: readonly ServerName[] = ['hocuspocus', 'y-websocket'];

/** What the load generator needs to know to speak to a running server. */
export interface ServerTarget {
  readonly name: ServerName;
  readonly dialect: Dialect;
  /** False for the relay: it holds no document, so it answers no sync request. */
  readonly syncs: boolean;
  /** `ws://…` for one document, the document id appended. */
  readonly urlPrefix: string;
  /** Hocuspocus addresses documents inside its messages, not in the URL. */
  readonly documentInUrl: boolean;
  readonly port: number;
  readonly pid: number;
  /** Quire's credentials: an API token for the socket URL and the API, and the user it acts as. */
  readonly account?: ServerAccount;
}

/** A user on a server that has accounts (Quire), with a personal API token. */
export interface ServerAccount {
  /** `qt_…`, sent as `?token=` on every socket (the stock client's way) and as a bearer on the API. */
  readonly token: string;
  /** Awareness states must carry exactly this id and name, or Quire drops them. */
  readonly user: { readonly id: string; readonly name: string };
  readonly httpUrl: string;
}

/** How to start one kind of server in a fresh process. */
export interface ServerKind {
  readonly name: ServerName;
  readonly label: string;
  readonly dialect: Dialect;
  readonly syncs: boolean;
  /** The script `node` runs, and its environment on top of PORT and HOST. */
  script(): string;
  /** Node flags the server ships with (its Dockerfile's CMD), given before the script. */
  readonly nodeFlags?: readonly string[];
  env(dataDir: string): Record<string, string>;
  /** A path that answers HTTP 200 once the server is ready. */
  readonly readyPath: string;
  urlPrefix(port: number): string;
  readonly documentInUrl: boolean;
  /** Printed with every run: what differs from the server's shipped defaults, and why. */
  readonly configuration: string;
  /** Sockets need an account's token and documents must be created first (Quire). */
  readonly accounts: boolean;
}

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * Quire's real configuration (SQLite in a fresh DATA_DIR, store before relay) except the limits
 * that one load-generator address or connection trips and no real user would: connection attempts
 * per address (120 burst, 20/s: the storm opens 1,000/s from 127.0.0.1), messages per connection
 * (200/s: the trace replay sends as fast as the server reads) and connections per document (500:
 * the fan-out goes past it while the generator keeps up).
 */
export const QUIRE_RAISED_LIMITS: Readonly<Record<string, string>> = {
  CONNECT_BURST_PER_ADDRESS: '1000000',
  CONNECT_RATE_PER_ADDRESS: '1000000',
  MAX_MESSAGES_PER_SECOND: '1000000',
  MAX_CONNECTIONS_PER_DOCUMENT: '1000000',
};

/**
 * The flag docker/server.Dockerfile starts Quire with: young-generation semi-spaces of 4 MB instead
 * of V8's 16 MB, which start-up alone grows to and which stay resident (README, "Memory (issue 24,
 * item 5)": 33 MiB less peak RSS in the multi-document run for about 2% more CPU).
 */
export const QUIRE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

export const SERVER_KINDS: Readonly<Record<ServerName, ServerKind>> = {
  quire: {
    name: 'quire',
    label: 'Quire',
    dialect: 'y-websocket',
    syncs: true,
    script: () => join(REPO_ROOT, 'apps', 'server', 'dist', 'main.js'),
    nodeFlags: QUIRE_NODE_FLAGS,
    env: (dataDir) => ({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...QUIRE_RAISED_LIMITS }),
    readyPath: '/health',
    urlPrefix: (port) => `ws://127.0.0.1:${port}/collab/`,
    documentInUrl: true,
    accounts: true,
    configuration:
      `SQLite (synchronous=FULL) in a fresh DATA_DIR, stores before relaying; node ${QUIRE_NODE_FLAGS.join(' ')} as its Dockerfile starts it; raised: ` +
      Object.entries(QUIRE_RAISED_LIMITS)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ') +
      ' (per-address and per-connection limits a single load generator trips); the administrator set up with the ' +
      'setup code, documents created with POST /api/documents, sockets opened with a personal API token (?token=qt_…, ' +
      'the stock client\'s way; a browser fetches a single-use ticket per socket instead), presence carrying that user',
  },
  hocuspocus: {
    name: 'hocuspocus',
    label: 'Hocuspocus 4.7.0',
    dialect: 'hocuspocus',
    syncs: true,
    script: () => peerFile('hocuspocus-server.mjs'),
    env: () => ({}),
    readyPath: '/',
    urlPrefix: (port) => `ws://127.0.0.1:${port}/`,
    documentInUrl: false,
    accounts: false,
    configuration: '@hocuspocus/server 4.7.0, defaults (no extensions: documents in memory), quiet start banner',
  },
  'y-websocket': {
    name: 'y-websocket',
    label: 'y-websocket-server 0.1.1',
    dialect: 'y-websocket',
    syncs: true,
    script: () => peerFile('node_modules', '@y', 'websocket-server', 'src', 'server.js'),
    env: () => ({}),
    readyPath: '/',
    urlPrefix: (port) => `ws://127.0.0.1:${port}/`,
    documentInUrl: true,
    accounts: false,
    configuration: '@y/websocket-server 0.1.1, its bin (src/server.js) at defaults (no YPERSISTENCE: documents in memory)',
  },
  relay: {
    name: 'relay',
    label: 'bare relay (floor)',
    dialect: 'y-websocket',
    syncs: false,
    script: () => join(__dirname, 'servers', 'relay-server.js'),
    env: () => ({}),
    readyPath: '/',
    urlPrefix: (port) => `ws://127.0.0.1:${port}/`,
    documentInUrl: true,
    accounts: false,
    configuration: 'ws 8 server forwarding each frame to the other sockets of its room; no Yjs, no sync, no storage',
  },
};
