import { ProtocolError } from './protocol-error';
import type { FormatCheck } from './update-guard';
import type { UpdateReader } from './update-reader';
import { checkJsonDepth, skipAny } from './update-values';

// The info byte of a struct (yjs Item.write): content type in the low 5 bits, then three flags.
const CONTENT_TYPE_BITS = 0x1f;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;

// Content types (yjs contentRefs); 0 and 10 are the GC and Skip structs, which hold a length only.
const GC = 0;
const CONTENT_DELETED = 1;
const CONTENT_JSON = 2;
const CONTENT_BINARY = 3;
const CONTENT_STRING = 4;
const CONTENT_EMBED = 5;
const CONTENT_FORMAT = 6;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const CONTENT_DOC = 9;
const SKIP = 10;

// Shared type refs (yjs typeRefs): YArray 0, YMap 1, YText 2, YXmlElement 3, YXmlFragment 4,
// YXmlHook 5, YXmlText 6. An element and a hook carry a name.
const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;
const LAST_TYPE = 6;

/** A client's block starts with its struct count, its id and its first clock: 3 bytes at least. */
const MIN_CLIENT_BYTES = 3;
/** A struct is an info byte and at least one byte of length or content. */
const MIN_STRUCT_BYTES = 2;

/**
 * Walks the structs of a v1 update, as yjs `readClientsStructRefs` reads them, without building
 * any: `varUint(clients) • (varUint(structs) • varUint(client) • varUint(clock) • struct^structs)^clients`.
 * Refuses counts the remaining bytes cannot hold, more structs than the reader's limit, content
 * types Yjs does not know, structs of length 0 (Yjs never writes them, and integrating one can
 * throw halfway through a transaction) and clocks past 2^53.
 */
export function walkStructs(reader: UpdateReader): void {
  const clients = reader.readVarUint('the number of clients');
  reader.expectCount(clients, MIN_CLIENT_BYTES, 'clients with structs');
  for (let c = 0; c < clients; c++) {
    const structs = reader.readVarUint('the number of structs');
    reader.readVarUint('a client id');
    let clock = reader.readVarUint('the first clock of a client');
    reader.expectCount(structs, MIN_STRUCT_BYTES, 'structs');
    reader.spendStructs(structs);
    for (let s = 0; s < structs; s++) {
      clock += walkStruct(reader);
      if (clock > Number.MAX_SAFE_INTEGER) reader.fail('Struct clocks run past 2^53');
    }
  }
}

/** Walks one struct and returns its length in clock ticks (an upper bound for strings). */
function walkStruct(reader: UpdateReader): number {
  const info = reader.readByte('a struct');
  const content = info & CONTENT_TYPE_BITS;
  if (content === GC || content === SKIP) return nonEmpty(reader, reader.readVarUint('the length of a struct'));
  if (content > SKIP) reader.fail(`Unknown struct content type ${content}`);
  if (info & HAS_ORIGIN) skipId(reader, 'the origin of an item');
  if (info & HAS_RIGHT_ORIGIN) skipId(reader, 'the right origin of an item');
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    // No neighbour to take the parent from: it is written, a root type's name or an item's id.
    if (reader.readVarUint('the parent kind of an item') === 1) reader.skipVarBytes('the name of a root type');
    else skipId(reader, 'the parent of an item');
    if (info & HAS_PARENT_SUB) reader.skipVarBytes('the key of a map entry');
  }
  return walkContent(reader, content);
}

function walkContent(reader: UpdateReader, content: number): number {
  switch (content) {
    case CONTENT_DELETED:
      return nonEmpty(reader, reader.readVarUint('the length of deleted content'));
    case CONTENT_JSON: {
      const count = reader.readVarUint('the number of JSON values');
      reader.expectCount(count, 1, 'JSON values');
      for (let i = 0; i < count; i++) checkJsonDepth(reader, reader.readVarBytes('a JSON value'), 'A JSON value');
      return nonEmpty(reader, count);
    }
    case CONTENT_BINARY:
      reader.skipVarBytes('binary content');
      return 1;
    case CONTENT_STRING:
      // UTF-8 bytes: never fewer than the UTF-16 units that make the item's length.
      return nonEmpty(reader, reader.skipVarBytes('a string'));
    case CONTENT_EMBED:
      checkJsonDepth(reader, reader.readVarBytes('an embed'), 'An embed');
      return 1;
    case CONTENT_FORMAT: {
      const key = reader.readVarBytes('the key of a format');
      const value = reader.readVarBytes('the value of a format');
      checkJsonDepth(reader, value, 'A format value');
      if (reader.checkFormat) judgeFormat(reader.checkFormat, key, value);
      return 1;
    }
    case CONTENT_TYPE: {
      const type = reader.readVarUint('a shared type');
      if (type > LAST_TYPE) reader.fail(`Unknown shared type ${type}`);
      if (type === TYPE_XML_ELEMENT || type === TYPE_XML_HOOK) reader.skipVarBytes('the name of an XML node');
      return 1;
    }
    case CONTENT_ANY: {
      const count = reader.readVarUint('the number of values');
      reader.expectCount(count, 1, 'values');
      for (let i = 0; i < count; i++) skipAny(reader);
      return nonEmpty(reader, count);
    }
    case CONTENT_DOC:
      reader.skipVarBytes('the guid of a subdocument');
      skipAny(reader);
      return 1;
    default:
      return reader.fail(`Unknown struct content type ${content}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function judgeFormat(check: FormatCheck, keyBytes: Uint8Array, valueBytes: Uint8Array): void {
  let key: string;
  let value: unknown;
  try {
    key = utf8.decode(keyBytes);
    value = JSON.parse(utf8.decode(valueBytes));
  } catch {
    return; // Not text or not JSON: Yjs refuses it while reading, before changing the document.
  }
  const refusal = check(key, value);
  if (refusal !== undefined) throw new ProtocolError('refused-content', refusal);
}

function skipId(reader: UpdateReader, what: string): void {
  reader.readVarUint(what);
  reader.readVarUint(what);
}

function nonEmpty(reader: UpdateReader, length: number): number {
  if (length === 0) reader.fail('Struct of length 0');
  return length;
}
