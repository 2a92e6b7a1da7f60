import { ProtocolError } from './protocol-error';
import type { FormatCheck } from './update-guard';

const MAX_VARUINT_BYTES = 8; // 53 bits fit in 8 bytes of 7 bits each.
const MAX_VARINT_BYTES = 8; // 6 bits, then 7 per byte: 55 bits, past the 53 lib0 reads.

/**
 * A cursor over one Yjs update that reads nothing beyond its end and keeps the limits of the walk.
 * Every read either consumes at least one byte or throws, so a walk costs time linear in the
 * update's length. Failures are `ProtocolError('bad-update')`, or `'update-too-complex'` for a
 * limit, with the byte offset in the message.
 */
export class UpdateReader {
  private pos = 0;
  private structs = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** How many structs and delete ranges the update may hold. */
    readonly maxStructs: number,
    /** How deeply `any` values and JSON may nest. */
    readonly maxDepth: number,
    /** Judges each text format the update sets; see `UpdateLimits.checkFormat`. */
    readonly checkFormat?: FormatCheck,
  ) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** Reads one byte. */
  readByte(what: string): number {
    if (this.pos >= this.bytes.length) this.fail(`Update ended before ${what}`);
    return this.bytes[this.pos++];
  }

  /** Reads a lib0 unsigned varint of at most 53 bits. */
  readVarUint(what: string): number {
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < MAX_VARUINT_BYTES; i++) {
      const byte = this.readByte(what);
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (!Number.isSafeInteger(value)) break;
        return value;
      }
      multiplier *= 128;
    }
    return this.fail(`${what} is a varint longer than 53 bits`);
  }

  /** Skips a lib0 signed varint (sign and 6 bits in the first byte, then 7 bits per byte). */
  skipVarInt(what: string): void {
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      if (this.readByte(what) < 0x80) return;
    }
    this.fail(`${what} is a varint longer than 53 bits`);
  }

  /** Skips `length` bytes. */
  skip(length: number, what: string): void {
    this.expectBytes(length, what);
    this.pos += length;
  }

  /**
   * Skips a length-prefixed byte array or string and returns its length. Only the length is
   * checked: Yjs itself refuses invalid UTF-8 and JSON while it reads, before it changes the
   * document.
   */
  skipVarBytes(what: string): number {
    const length = this.readVarUint(`the length of ${what}`);
    this.skip(length, what);
    return length;
  }

  /** Reads a length-prefixed byte array or string as a view into the update. */
  readVarBytes(what: string): Uint8Array {
    const length = this.readVarUint(`the length of ${what}`);
    this.expectBytes(length, what);
    const view = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return view;
  }

  /**
   * Refuses a declared count of things that each take at least `minBytes` when the bytes left
   * cannot hold them: such a count is a lie, and Yjs would allocate for it before noticing.
   */
  expectCount(count: number, minBytes: number, what: string): void {
    if (count * minBytes > this.remaining) {
      this.fail(`Update declares ${count} ${what}, more than the ${this.remaining} bytes left can hold`);
    }
  }

  /** Counts `count` more structs or delete ranges against the limit of the walk. */
  spendStructs(count: number): void {
    this.structs += count;
    if (this.structs > this.maxStructs) {
      throw new ProtocolError(
        'update-too-complex',
        `Update holds more than ${this.maxStructs} structs and delete ranges (at byte ${this.pos})`,
      );
    }
  }

  /** Refuses nesting deeper than {@link maxDepth}; `depth` counts the containers already open. */
  enterNested(depth: number, what: string): void {
    if (depth >= this.maxDepth) {
      throw new ProtocolError(
        'update-too-complex',
        `${what} nests deeper than ${this.maxDepth} levels (at byte ${this.pos})`,
      );
    }
  }

  /** Throws unless the whole update was read. */
  expectEnd(): void {
    if (this.remaining !== 0) this.fail(`${this.remaining} unexpected bytes after the delete set`);
  }

  /** Throws `ProtocolError('bad-update')` with `message` and the current offset. */
  fail(message: string): never {
    throw new ProtocolError('bad-update', `${message} (at byte ${this.pos})`);
  }

  private expectBytes(length: number, what: string): void {
    if (length > this.remaining) {
      this.fail(`${what} declares ${length} bytes but only ${this.remaining} are left`);
    }
  }
}
