import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProtocolError, type ProtocolErrorReason } from './protocol-error';
import { checkUpdate, type UpdateLimits } from './update-guard';

/** Writes an update by hand with lib0's encoder, the way yjs' UpdateEncoderV1 does. */
function handmade(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** One client's block of structs: `varUint(n) • varUint(client) • varUint(clock) • structs`. */
function clientBlock(encoder: encoding.Encoder, structs: number, client = 1, clock = 0): void {
  encoding.writeVarUint(encoder, structs);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
}

/** An item in the root map `m` under `key` (info: no origins, parent sub, content `any`). */
function mapEntry(encoder: encoding.Encoder, key: string, writeValue: (encoder: encoding.Encoder) => void): void {
  encoding.writeUint8(encoder, 0x20 | 8);
  encoding.writeVarUint(encoder, 1); // the parent is a root type, by name
  encoding.writeVarString(encoder, 'm');
  encoding.writeVarString(encoder, key);
  encoding.writeVarUint(encoder, 1); // one value
  writeValue(encoder);
}

/** A whole update holding one root-map entry whose value `writeValue` writes. */
function mapUpdate(writeValue: (encoder: encoding.Encoder) => void): Uint8Array {
  return handmade((encoder) => {
    encoding.writeVarUint(encoder, 1);
    clientBlock(encoder, 1);
    mapEntry(encoder, 'k', writeValue);
    encoding.writeVarUint(encoder, 0); // empty delete set
  });
}

/** An update of `structs` GC structs of length 1 and a delete set of `ranges` ranges. */
function gcUpdate(structs: number, ranges = 0): Uint8Array {
  return handmade((encoder) => {
    encoding.writeVarUint(encoder, 1);
    clientBlock(encoder, structs);
    for (let i = 0; i < structs; i++) {
      encoding.writeUint8(encoder, 0);
      encoding.writeVarUint(encoder, 1);
    }
    encoding.writeVarUint(encoder, ranges > 0 ? 1 : 0);
    if (ranges > 0) {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, ranges);
      for (let i = 0; i < ranges; i++) {
        encoding.writeVarUint(encoder, i * 2);
        encoding.writeVarUint(encoder, 1);
      }
    }
  });
}

function refusal(update: Uint8Array, limits?: UpdateLimits): { reason: ProtocolErrorReason; message: string } {
  try {
    checkUpdate(update, limits);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return { reason: error.reason, message: error.message };
  }
  throw new Error(`update was accepted: ${Array.from(update).join(',')}`);
}

function reasonOf(update: Uint8Array, limits?: UpdateLimits): ProtocolErrorReason {
  return refusal(update, limits).reason;
}

function textUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello', { bold: true });
  doc.getMap('m').set('k', { list: [1, 'two', null], bytes: new Uint8Array([1, 2]) });
  doc.getText('t').delete(1, 2);
  return Y.encodeStateAsUpdate(doc);
}

describe('checkUpdate refuses', () => {
  it('the struct-count bomb: a few bytes claiming 50 million structs', () => {
    const bomb = handmade((encoder) => {
      encoding.writeVarUint(encoder, 1); // one client
      encoding.writeVarUint(encoder, 50_000_000); // structs
      encoding.writeVarUint(encoder, 1); // client id
      encoding.writeVarUint(encoder, 0); // clock
      encoding.writeUint8(encoder, 0); // a GC struct…
      encoding.writeVarUint(encoder, 1); // …of length 1
    });
    expect(bomb.length).toBe(9);
    expect(refusal(bomb)).toEqual({
      reason: 'bad-update',
      message: 'Update declares 50000000 structs, more than the 2 bytes left can hold (at byte 7)',
    });
    // Below 2^25 V8 allocates the array Yjs makes for them: 30 million cost a second and 160 MB.
    const smaller = handmade((encoder) => clientBlock(encoder, 30_000_000));
    expect(reasonOf(Uint8Array.from([1, ...smaller]))).toBe('bad-update');
  });

  it('every truncation of a real update, and bytes after it', () => {
    const update = textUpdate();
    expect(() => checkUpdate(update)).not.toThrow();
    for (let length = 0; length < update.length; length++) {
      expect(reasonOf(update.subarray(0, length)), `first ${length} bytes`).toBe('bad-update');
    }
    expect(refusal(Uint8Array.from([...update, 0])).message).toMatch(/1 unexpected bytes after the delete set/);
  });

  it('reads only its view, even when the buffer behind it holds the rest', () => {
    const update = textUpdate();
    const pool = new Uint8Array(update.length + 16);
    pool.set(update);
    expect(reasonOf(pool.subarray(0, update.length - 1))).toBe('bad-update');
    expect(() => checkUpdate(pool.subarray(0, update.length))).not.toThrow();
  });

  it('string, key and byte-array lengths beyond the end', () => {
    const lyingString = handmade((encoder) => {
      encoding.writeVarUint(encoder, 1);
      clientBlock(encoder, 1);
      encoding.writeUint8(encoder, 4); // string content, parent written
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, 't');
      encoding.writeVarUint(encoder, 1_000_000); // a string of a million bytes…
      encoding.writeUint8Array(encoder, Uint8Array.from([0x61, 0x62, 0x63])); // …that has three
    });
    expect(refusal(lyingString).message).toBe('a string declares 1000000 bytes but only 3 are left (at byte 11)');

    const lyingBinary = handmade((encoder) => {
      encoding.writeVarUint(encoder, 1);
      clientBlock(encoder, 1);
      encoding.writeUint8(encoder, 3); // binary content
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, 'a');
      encoding.writeVarUint(encoder, 0xffffffff);
    });
    expect(refusal(lyingBinary).message).toMatch(/^binary content declares 4294967295 bytes/);

    const lyingRootName = handmade((encoder) => {
      encoding.writeVarUint(encoder, 1);
      clientBlock(encoder, 1);
      encoding.writeUint8(encoder, 4);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 200);
    });
    expect(refusal(lyingRootName).message).toMatch(/^the name of a root type declares 200 bytes/);

    expect(reasonOf(mapUpdate((encoder) => {
      encoding.writeUint8(encoder, 119); // a string value
      encoding.writeVarUint(encoder, 50);
    }))).toBe('bad-update');
    expect(reasonOf(mapUpdate((encoder) => {
      encoding.writeUint8(encoder, 118); // an object of one entry whose key lies
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 9);
      encoding.writeUint8(encoder, 127);
    }))).toBe('bad-update');
  });

  it('counts of values, entries, clients and delete ranges beyond the end', () => {
    const array = refusal(mapUpdate((encoder) => {
      encoding.writeUint8(encoder, 117);
      encoding.writeVarUint(encoder, 10_000_000);
    }));
    expect(array.message).toMatch(/^Update declares 10000000 array elements, more than the 1 bytes left/);
    const object = refusal(mapUpdate((encoder) => {
      encoding.writeUint8(encoder, 118);
      encoding.writeVarUint(encoder, 3); // three entries need six bytes at least
      encoding.writeVarString(encoder, 'a');
      encoding.writeUint8(encoder, 127);
    }));
    expect(object.message).toMatch(/3 object entries/);
    const values = handmade((encoder) => {
      encoding.writeVarUint(encoder, 1);
      clientBlock(encoder, 1);
      encoding.writeUint8(encoder, 8);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, 'a');
      encoding.writeVarUint(encoder, 20_000_000);
    });
    expect(refusal(values).message).toMatch(/20000000 values/);
    expect(refusal(Uint8Array.from([0x80, 0x80, 0x80, 0x10])).message).toMatch(/33554432 clients with structs/);
    const ranges = handmade((encoder) => {
      encoding.writeVarUint(encoder, 0); // no structs
      encoding.writeVarUint(encoder, 1); // one client with deletions
      encoding.writeVarUint(encoder, 7);
      encoding.writeVarUint(encoder, 25_000_000);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 1);
    });
    expect(refusal(ranges).message).toMatch(/25000000 delete ranges/);
    expect(refusal(Uint8Array.from([0, 0xff, 0xff, 0x7f])).message).toMatch(/2097151 clients with deletions/);
  });

  it('nesting of values deeper than maxDepth, and walks any depth it allows without recursion', () => {
    const nested = (depth: number) =>
      mapUpdate((encoder) => {
        for (let i = 0; i < depth; i++) {
          encoding.writeUint8(encoder, 117);
          encoding.writeVarUint(encoder, 1);
        }
        encoding.writeUint8(encoder, 126);
      });
    expect(() => checkUpdate(nested(100))).not.toThrow();
    expect(refusal(nested(101))).toEqual({
      reason: 'update-too-complex',
      message: 'A value nests deeper than 100 levels (at byte 212)',
    });
    expect(reasonOf(nested(3), { maxDepth: 2 })).toBe('update-too-complex');
    // Deep enough to overflow any recursive walker's stack.
    expect(() => checkUpdate(nested(500_000), { maxDepth: Infinity })).not.toThrow();
  });

  it('JSON in embeds and formats nested deeper than maxDepth, which V8 cannot stringify again', () => {
    const embed = (value: unknown) => {
      const doc = new Y.Doc();
      doc.getText('t').insertEmbed(0, value as object);
      return Y.encodeStateAsUpdate(doc);
    };
    const deep = (depth: number): unknown => (depth === 0 ? 1 : [deep(depth - 1)]);
    expect(() => checkUpdate(embed(deep(100)))).not.toThrow();
    expect(reasonOf(embed(deep(101)))).toBe('update-too-complex');
    // Brackets inside strings are text, escaped quotes included.
    expect(() => checkUpdate(embed({ text: '[[[{"\\"'.repeat(200) }))).not.toThrow();

    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x', { link: deep(150) as object });
    expect(refusal(Y.encodeStateAsUpdate(doc)).message).toMatch(/^A format value nests deeper than 100 levels/);
  });

  it('more structs and delete ranges than maxStructs', () => {
    expect(() => checkUpdate(gcUpdate(10), { maxStructs: 10 })).not.toThrow();
    expect(refusal(gcUpdate(10), { maxStructs: 9 })).toEqual({
      reason: 'update-too-complex',
      message: 'Update holds more than 9 structs and delete ranges (at byte 4)',
    });
    expect(() => checkUpdate(gcUpdate(6, 4), { maxStructs: 10 })).not.toThrow();
    expect(reasonOf(gcUpdate(6, 5), { maxStructs: 10 })).toBe('update-too-complex');
  });

  it('content, shared types and value types Yjs does not know', () => {
    const struct = (info: number, ...rest: number[]) =>
      Uint8Array.from([1, 1, 1, 0, info, 1, 1, 0x61, ...rest, 0]);
    expect(refusal(struct(11)).message).toBe('Unknown struct content type 11 (at byte 5)');
    expect(refusal(struct(31)).message).toMatch(/Unknown struct content type 31/);
    expect(() => checkUpdate(struct(7, 6))).not.toThrow(); // YXmlText
    expect(refusal(struct(7, 7)).message).toMatch(/Unknown shared type 7/);
    expect(refusal(mapUpdate((encoder) => encoding.writeUint8(encoder, 115))).message).toMatch(/Unknown value type 115/);
    expect(refusal(mapUpdate((encoder) => encoding.writeUint8(encoder, 128))).message).toMatch(/Unknown value type 128/);
  });

  it('structs of length 0, which Yjs never writes and may fail to integrate halfway', () => {
    expect(refusal(Uint8Array.from([1, 1, 1, 0, 0, 0, 0])).message).toMatch(/Struct of length 0/); // GC
    expect(reasonOf(Uint8Array.from([1, 1, 1, 0, 10, 0, 0]))).toBe('bad-update'); // Skip
    expect(reasonOf(Uint8Array.from([1, 1, 1, 0, 1, 1, 1, 0x61, 0, 0]))).toBe('bad-update'); // deleted content
    expect(reasonOf(Uint8Array.from([1, 1, 1, 0, 4, 1, 1, 0x61, 0, 0]))).toBe('bad-update'); // empty string
    expect(reasonOf(Uint8Array.from([1, 1, 1, 0, 8, 1, 1, 0x61, 0, 0]))).toBe('bad-update'); // no values
  });

  it('clocks past 2^53 and varints longer than 53 bits', () => {
    const maxSafe = (encoder: encoding.Encoder) => encoding.writeVarUint(encoder, Number.MAX_SAFE_INTEGER);
    const farClock = handmade((encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 1);
      maxSafe(encoder);
      encoding.writeUint8(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint(encoder, 0);
    });
    expect(refusal(farClock).message).toMatch(/Struct clocks run past 2\^53/);
    const farRange = handmade((encoder) => {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 1);
      maxSafe(encoder);
      encoding.writeVarUint(encoder, 1);
    });
    expect(refusal(farRange).message).toMatch(/A delete range runs past 2\^53/);
    expect(refusal(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).message).toMatch(
      /longer than 53 bits/,
    );
    expect(reasonOf(mapUpdate((encoder) => {
      encoding.writeUint8(encoder, 125);
      for (let i = 0; i < 8; i++) encoding.writeUint8(encoder, 0xff);
    }))).toBe('bad-update');
  });

  it('only with ProtocolError, whatever bytes it is given', () => {
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const seed = textUpdate();
    for (let i = 0; i < 5_000; i++) {
      const bytes = Uint8Array.from(seed);
      for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) {
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      try {
        checkUpdate(bytes);
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error;
      }
    }
  });
});

describe('checkUpdate format check', () => {
  it('hands each text format to checkFormat and refuses what it refuses', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'click', { link: { href: 'javascript:alert(1)' } });
    const update = Y.encodeStateAsUpdate(doc);
    const seen: Array<[string, unknown]> = [];
    checkUpdate(update, {
      checkFormat: (key, value) => {
        seen.push([key, value]);
        return undefined;
      },
    });
    expect(seen).toContainEqual(['link', { href: 'javascript:alert(1)' }]);
    expect(() => checkUpdate(update, { checkFormat: (key) => (key === 'link' ? 'no links' : undefined) })).toThrow(
      expect.objectContaining({ reason: 'refused-content', message: 'no links' }),
    );
    expect(() => checkUpdate(update)).not.toThrow();
  });
});
