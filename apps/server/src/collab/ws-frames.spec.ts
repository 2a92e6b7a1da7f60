import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { WsConnection } from './ws-connection';
import { WS_SENDER } from './ws-frames';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real `ws` server (as the collaboration adapter makes it) with `count` real clients connected. */
async function connectedPairs(count: number, perMessageDeflate: boolean | object = false) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pairs: { server: WebSocket; client: WebSocket; received: Buffer[]; pings: number; closed: Promise<number> }[] = [];
  for (let i = 0; i < count; i++) {
    const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    const client = new WebSocket(url, { perMessageDeflate });
    const received: Buffer[] = [];
    const pair = { client, received, pings: 0, closed: new Promise<number>((resolve) => client.once('close', resolve)) } as (typeof pairs)[number];
    client.on('message', (data: Buffer) => received.push(data));
    client.on('ping', () => pair.pings++);
    await new Promise((resolve) => client.once('open', resolve));
    pair.server = await accepted;
    pairs.push(pair);
  }
  return pairs;
}

function bytes(length: number, seed: number): Uint8Array {
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) data[i] = (i * 31 + seed) & 0xff;
  return data;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('frame once (ws-frames)', () => {
  it('is on for the installed ws', () => {
    expect(WS_SENDER).toBeDefined();
  });

  it('delivers one prepared frame to every socket intact, in every length encoding, in order with ordinary sends, pings and the close', async () => {
    const pairs = await connectedPairs(3);
    const sockets = pairs.map((pair) => new WsConnection(pair.server));
    // 7-bit, 16-bit and 64-bit payload lengths.
    const messages = [bytes(5, 1), bytes(300, 2), bytes(70_000, 3)];
    const first = sockets[0].prepareFrames([messages[0]]);
    const both = sockets[0].prepareFrames([messages[1], messages[2]]);
    const reply = bytes(40, 9);
    for (const [index, socket] of sockets.entries()) {
      expect(socket.sendPrepared(first)).toBe(true);
      socket.send(reply); // a sync reply through ws between two fan-out writes
      pairs[index].server.ping();
      expect(socket.sendPrepared(both)).toBe(true);
      socket.close(1000, 'bye');
      // Closing: raw writes stop, so nothing can follow the close frame.
      expect(socket.sendPrepared(first)).toBe(false);
    }
    for (const pair of pairs) {
      expect(await pair.closed).toBe(1000);
      expect(pair.received.map((data) => [...data])).toEqual([messages[0], reply, messages[1], messages[2]].map((data) => [...data]));
      expect(pair.pings).toBe(1);
    }
  });

  it('leaves the write to ws while its sender has something queued, so order holds', async () => {
    // Compression is the one way ws queues (the adapter turns it off; here it is on to make a queue).
    const [pair] = await connectedPairs(1, { threshold: 0 });
    const socket = new WsConnection(pair.server);
    const compressed = bytes(2_000, 4);
    pair.server.send(compressed, { binary: true, compress: true });
    const next = bytes(10, 5);
    expect(socket.sendPrepared(socket.prepareFrames([next]))).toBe(false);
    socket.send(next);
    await until(() => pair.received.length === 2);
    expect(pair.received.map((data) => [...data])).toEqual([[...compressed], [...next]]);
  });

  it('counts raw writes in bufferedAmount, which the slow-consumer bound reads', async () => {
    const [pair] = await connectedPairs(1);
    pair.client.pause(); // a client that stops reading
    const socket = new WsConnection(pair.server);
    const big = socket.prepareFrames([bytes(8 * 1024 * 1024, 6)]);
    expect(socket.sendPrepared(big)).toBe(true);
    expect(socket.bufferedAmount).toBeGreaterThan(0);
    pair.client.resume();
    await until(() => pair.received.length === 1);
    expect(pair.received[0].byteLength).toBe(8 * 1024 * 1024);
  });
});
