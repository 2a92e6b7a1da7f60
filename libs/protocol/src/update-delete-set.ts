import type { UpdateReader } from './update-reader';

/** A client's delete ranges start with its id and their count: 2 bytes at least. */
const MIN_CLIENT_BYTES = 2;
/** A range is a clock and a length. */
const MIN_RANGE_BYTES = 2;

/**
 * Walks the delete set that ends a v1 update, as yjs `readDeleteSet` reads it:
 * `varUint(clients) • (varUint(client) • varUint(ranges) • (varUint(clock) • varUint(length))^ranges)^clients`.
 * Yjs applies it while it reads it, after the structs are in: a malformed delete set would fail
 * halfway through a transaction, so everything here is checked beforehand. Ranges count against
 * the reader's struct limit, since Yjs handles each one.
 */
export function walkDeleteSet(reader: UpdateReader): void {
  const clients = reader.readVarUint('the number of clients with deletions');
  reader.expectCount(clients, MIN_CLIENT_BYTES, 'clients with deletions');
  for (let c = 0; c < clients; c++) {
    reader.readVarUint('a client id');
    const ranges = reader.readVarUint('the number of delete ranges');
    reader.expectCount(ranges, MIN_RANGE_BYTES, 'delete ranges');
    reader.spendStructs(ranges);
    for (let r = 0; r < ranges; r++) {
      const clock = reader.readVarUint('the clock of a delete range');
      const length = reader.readVarUint('the length of a delete range');
      if (clock + length > Number.MAX_SAFE_INTEGER) reader.fail('A delete range runs past 2^53');
    }
  }
}
