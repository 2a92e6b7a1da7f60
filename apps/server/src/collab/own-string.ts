/**
 * A copy of `text` in a flat string of its own. What a connection keeps for its lifetime must not
 * be a slice of the upgrade URL (V8's sliced strings keep their whole parent, token included) or a
 * rope (`randomUUID()` joins 16 hex pairs into about 15 cons cells of 32 bytes): with 10,000
 * sockets these were about 0.6 KiB of each connection's heap (apps/bench-peers README, "Memory
 * (issue 24, item 5)"). Decoding a buffer always yields a new sequential string.
 */
export function ownString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
