import { metricSample } from '../prometheus-text';

/** The readings a soak takes from the server's /metrics. */
export interface ServerReading {
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
  readonly openFds: number;
  readonly documentsLoaded: number;
  readonly connections: number;
}

function sample(text: string, name: string): number {
  const value = metricSample(text, name);
  if (value === undefined) throw new Error(`metric ${name} missing from /metrics`);
  return value;
}

/** Reads heap, RSS, descriptors, documents and connections from the server's own metrics. */
export async function readServer(httpUrl: string): Promise<ServerReading> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  return {
    heapUsedBytes: sample(text, 'nodejs_heap_size_used_bytes'),
    rssBytes: sample(text, 'process_resident_memory_bytes'),
    openFds: sample(text, 'process_open_fds'),
    documentsLoaded: sample(text, 'quire_documents_loaded'),
    connections: sample(text, 'quire_connections'),
  };
}
