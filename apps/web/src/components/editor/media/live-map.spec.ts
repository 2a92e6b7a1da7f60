import { describe, expect, it } from 'vitest';
import { LiveMap } from './live-map';

describe('LiveMap', () => {
  it('tells the watchers of one key, and only of the keys whose value changed', () => {
    const map = new LiveMap<string>();
    const seen: string[] = [];
    map.watch('a', () => seen.push(`a=${map.get('a')}`));
    const stop = map.watch('b', () => seen.push(`b=${map.get('b')}`));
    map.set('a', 'Ada');
    map.replace([
      ['a', 'Ada'],
      ['b', 'Bo'],
    ]);
    stop();
    map.set('b', 'Bea');
    map.delete('a');
    expect(seen).toEqual(['a=Ada', 'b=Bo', 'a=undefined']);
  });
});
