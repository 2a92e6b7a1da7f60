import type { UpdateReader } from './update-reader';

// lib0 `writeAny` type tags (lib0/encoding.js).
const ANY_UNDEFINED = 127;
const ANY_NULL = 126;
const ANY_INTEGER = 125;
const ANY_FLOAT32 = 124;
const ANY_FLOAT64 = 123;
const ANY_BIGINT = 122;
const ANY_FALSE = 121;
const ANY_TRUE = 120;
const ANY_STRING = 119;
const ANY_OBJECT = 118;
const ANY_ARRAY = 117;
const ANY_BYTES = 116;

/**
 * Skips one lib0 `any` value, the grammar `readAny` reads:
 * `tag(127 undefined | 126 null | 121 false | 120 true)`, `125 • varInt`, `124 • float32`,
 * `123 • float64`, `122 • bigInt64`, `119 • varString`, `116 • varByteArray`,
 * `118 • varUint(n) • (varString(key) • any)^n`, `117 • varUint(n) • any^n`.
 * Walks with its own stack rather than recursion, so that no nesting can overflow ours; nesting
 * deeper than the reader's `maxDepth` is refused, since lib0 and Yjs recurse over it when they
 * read and write the value again.
 */
export function skipAny(reader: UpdateReader): void {
  // Entries still to read in each open container, innermost at depth - 1, and whether it is an object.
  const left: number[] = [];
  const isObject: boolean[] = [];
  let depth = 0;
  for (;;) {
    const tag = reader.readByte('a value');
    switch (tag) {
      case ANY_UNDEFINED:
      case ANY_NULL:
      case ANY_FALSE:
      case ANY_TRUE:
        break;
      case ANY_INTEGER:
        reader.skipVarInt('an integer value');
        break;
      case ANY_FLOAT32:
        reader.skip(4, 'a float32 value');
        break;
      case ANY_FLOAT64:
      case ANY_BIGINT:
        reader.skip(8, 'a 64-bit value');
        break;
      case ANY_STRING:
        reader.skipVarBytes('a string value');
        break;
      case ANY_BYTES:
        reader.skipVarBytes('a byte array value');
        break;
      case ANY_OBJECT:
      case ANY_ARRAY: {
        reader.enterNested(depth, 'A value');
        const object = tag === ANY_OBJECT;
        const count = reader.readVarUint(object ? 'the size of an object' : 'the length of an array');
        // An entry is at least a key length and a tag; an element at least a tag.
        reader.expectCount(count, object ? 2 : 1, object ? 'object entries' : 'array elements');
        left[depth] = count;
        isObject[depth] = object;
        depth++;
        break;
      }
      default:
        reader.fail(`Unknown value type ${tag}`);
    }
    // Close the containers this value completed, then step to the next entry of the innermost.
    while (depth > 0 && left[depth - 1] === 0) depth--;
    if (depth === 0) return;
    left[depth - 1]--;
    if (isObject[depth - 1]) reader.skipVarBytes('an object key');
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Refuses JSON text whose arrays and objects nest deeper than the reader's `maxDepth`. V8 parses
 * any depth, but `JSON.stringify` overflows the stack on a few thousand levels: such an embed or
 * format attribute would be stored and then make the document impossible to encode for anyone.
 * Counts brackets outside strings only; whether the text is JSON at all is left to Yjs, which
 * parses it before it changes the document.
 */
export function checkJsonDepth(reader: UpdateReader, json: Uint8Array, what: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      reader.enterNested(depth++, what);
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth--;
    }
  }
}
