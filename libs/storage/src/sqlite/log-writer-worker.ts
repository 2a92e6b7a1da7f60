import { workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { connect } from './connect';
import { prepareLogConnection, type LogConnection } from './log-connection';
import { OPENED, toWire, type WriterAnswer, type WriterData, type WriterRequest } from './log-writer-messages';

// The update log's writer thread (ThreadLogWriter): its own connection to the database file, on
// which each turn's appends commit in one transaction while the storage's event loop goes on.

const { path, synchronous, port, answered } = workerData as WriterData;

function answer(message: WriterAnswer): void {
  port.postMessage(message);
  // Raised after posting, so that a thread woken by it finds the answer on its port.
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
}

function handle(db: Database.Database, log: LogConnection, request: WriterRequest): WriterAnswer {
  try {
    switch (request.kind) {
      case 'append': {
        const outcomes = log.appendAll(request.appends);
        return { request: request.request, outcomes: outcomes.map((outcome) => ('error' in outcome ? { error: toWire(outcome.error) } : outcome)) };
      }
      case 'compact':
        log.compact(request.id, request.snapshot, request.throughSeq);
        return { request: request.request };
      case 'close':
        db.close();
        return { request: request.request };
    }
  } catch (error) {
    // The transaction as a whole failed: nothing of this request is stored.
    return { request: request.request, error: toWire(error) };
  }
}

function start(): void {
  let db: Database.Database;
  let log: LogConnection;
  try {
    // The storage's own connection opened and migrated the file first.
    db = connect(path, synchronous, false);
    log = prepareLogConnection(db);
  } catch (error) {
    answer({ request: OPENED, error: toWire(error) });
    port.close();
    return;
  }
  port.on('message', (request: WriterRequest) => {
    answer(handle(db, log, request));
    // Nothing else keeps the thread alive: it ends once its port is closed.
    if (request.kind === 'close') port.close();
  });
  answer({ request: OPENED });
}

start();
