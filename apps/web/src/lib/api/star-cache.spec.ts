import { describe, expect, it } from 'vitest';
import { withStarred } from './star-cache';

const row = (id: string, starred: boolean) => ({ id, title: id, starred });

describe('withStarred', () => {
  it('marks the document in pages read so far, in a list, and on its own, leaving other rows as they were', () => {
    const other = row('b', false);
    const pages = { pages: [{ documents: [other], nextCursor: 'x' }, { documents: [row('a', false)], nextCursor: null }], pageParams: [null, 'x'] };
    const marked = withStarred(pages, 'a', true);
    expect(marked.pages[1].documents[0]).toEqual(row('a', true));
    expect(marked.pages[0]).toBe(pages.pages[0]);
    expect(marked.pageParams).toBe(pages.pageParams);

    const folder = { folder: { id: 'a', name: 'Same id, a folder' }, documents: [row('a', true)] };
    const unstarred = withStarred(folder, 'a', false);
    expect(unstarred.documents[0].starred).toBe(false);
    expect(unstarred.folder).toBe(folder.folder);
    expect(withStarred(row('a', false), 'a', true)).toEqual(row('a', true));
  });

  it('gives back the same object when nothing changes', () => {
    const list = { documents: [row('a', true)], nextCursor: null };
    expect(withStarred(list, 'a', true)).toBe(list);
    expect(withStarred(list, 'zz', false)).toBe(list);
    expect(withStarred(undefined, 'a', true)).toBeUndefined();
  });
});
