/// <reference lib="webworker" />
import { serveUpdateWork } from '@quire/editor/update-worker';

// The update worker: scripts/build-update-worker.mjs bundles this into public/update-worker.js.
serveUpdateWork(self as unknown as DedicatedWorkerGlobalScope);
