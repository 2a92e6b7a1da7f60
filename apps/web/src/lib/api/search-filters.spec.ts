import { describe, expect, it } from 'vitest';
import { filterParams, isFiltered } from './search-filters';

describe('search filters', () => {
  it('leave the query alone when none is picked', () => {
    expect(filterParams({})).toBe('');
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ shared: false })).toBe(false);
  });

  it('become query parameters, the owner id encoded', () => {
    expect(filterParams({ owner: 'me', shared: true, changed: 'week' })).toBe('&owner=me&shared=true&changed=week');
    expect(filterParams({ owner: 'user a&b' })).toBe('&owner=user+a%26b');
    expect(isFiltered({ changed: 'day' })).toBe(true);
  });
});
