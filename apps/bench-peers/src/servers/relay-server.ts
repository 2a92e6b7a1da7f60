// The floor: a stateless server that forwards each frame, unchanged, to the other connections of
// the same room (the URL path). No Yjs, no sync, no storage: what a WebSocket relay costs in Node
// on this machine, below which no collaboration server can go.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const port = Number(process.env['PORT']);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set to a port number');

const rooms = new Map<string, Set<WebSocket>>();

const http = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('relay');
});
const sockets = new WebSocketServer({ server: http });

sockets.on('connection', (socket, request) => {
  const name = request.url ?? '/';
  let room = rooms.get(name);
  if (room === undefined) {
    room = new Set();
    rooms.set(name, room);
  }
  const members = room;
  members.add(socket);
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    for (const member of members) if (member !== socket) member.send(data, { binary: isBinary });
  });
  socket.on('close', () => {
    members.delete(socket);
    if (members.size === 0) rooms.delete(name);
  });
  socket.on('error', () => socket.terminate());
});

http.listen(port, '127.0.0.1');
