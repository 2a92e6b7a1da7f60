import { describe, expect, it } from 'vitest';
import { bytes, deltaMs, duration, integer, ms, percent, ratio, significant } from './format';

describe('format', () => {
  it('gives milliseconds the precision that suits their size', () => {
    expect([ms(0.04213), ms(1.634), ms(12.44), ms(1234.4), ms(Number.NaN)]).toEqual(['0.042', '1.63', '12.4', '1,234', '–']);
    expect([deltaMs(1.634), deltaMs(-0.0421), deltaMs(Infinity)]).toEqual(['+1.63', '-0.042', '–']);
  });

  it('writes counts, rates, ratios and shares', () => {
    expect([integer(1234567.6), significant(12.345), significant(0.0012345), significant(4321.2)]).toEqual(['1,234,568', '12.3', '0.00123', '4,321']);
    expect([ratio(2.236), percent(1), percent(0.99944), percent(0)]).toEqual(['2.24×', '100%', '99.94%', '0%']);
  });

  it('writes bytes in B, KiB or MiB, signed', () => {
    expect([bytes(20), bytes(39_526), bytes(2_569_011), bytes(91_750_400), bytes(-826_368)]).toEqual(['20 B', '38.6 KiB', '2.45 MiB', '87.5 MiB', '-807.0 KiB']);
  });

  it('writes durations in seconds and minutes', () => {
    expect([duration(4_400), duration(83_400), duration(1_270_000)]).toEqual(['4 s', '1 min 23 s', '21 min 10 s']);
  });
});
