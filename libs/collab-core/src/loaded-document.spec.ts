import { CloseCode } from '@quire/constants';
import { encodeQueryAwareness } from '@quire/protocol';
import { describe, expect, it, vi } from 'vitest';
import { createHubContext } from './hub-context';
import { Connection } from './connection';
import { LoadedDocument } from './loaded-document';
import { ControlledStore } from './testing/controlled-store';
import { FakeSocket } from './testing/fake-socket';
import { RecordingLogger } from './testing/recording-logger';
import { textUpdate } from './testing/updates';

describe('LoadedDocument', () => {
  it('loads stored updates with the store origin, so they are neither stored again nor relayed', async () => {
    const store = new ControlledStore();
    store.logs.set('d', [textUpdate('stored')]);
    const document = await LoadedDocument.load('d', createHubContext(store, { logger: new RecordingLogger() }), () => undefined);
    expect(document.doc.getText('text').toString()).toBe('stored');
    await document.flush();
    expect(store.appendCalls).toHaveLength(0);
    document.destroy();
  });

  it('has no awareness state of its own and stops the awareness timer on destroy', async () => {
    const document = await LoadedDocument.load('d', createHubContext(new ControlledStore(), { logger: new RecordingLogger() }), () => undefined);
    expect(document.awareness.getStates().size).toBe(0);
    const clear = vi.spyOn(globalThis, 'clearInterval');
    document.destroy();
    expect(clear).toHaveBeenCalledWith(document.awareness._checkInterval);
    clear.mockRestore();
  });

  it('closes with 1011 and logs an error when handling a message fails unexpectedly', async () => {
    const logger = new RecordingLogger();
    const hub = createHubContext(new ControlledStore(), { logger });
    const document = await LoadedDocument.load('d', hub, () => undefined);
    const socket = new FakeSocket();
    const connection = new Connection(socket, { documentId: 'd', connectionId: 'c' }, hub, (c) => document.detach(c));
    document.attach(connection);
    vi.spyOn(document.awareness, 'getStates').mockImplementation(() => {
      throw new Error('bug');
    });
    socket.deliver(encodeQueryAwareness());
    expect(socket.closeCode).toBe(CloseCode.InternalError);
    expect(logger.at('error')[0].fields).toMatchObject({ connectionId: 'c', documentId: 'd' });
    vi.restoreAllMocks();
    document.destroy();
  });
});
