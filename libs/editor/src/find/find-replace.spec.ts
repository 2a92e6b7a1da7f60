// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { undoCommand } from 'y-prosemirror';
import { createPeers, type Peer, type PeerNetwork } from '../testing/collab-peers';
import { doc, p } from '../testing/editor-test-kit';
import { clearFind, findNext, findPrevious, findState, replaceAll, replaceOne, setFindQuery } from './find-replace';

let network: PeerNetwork | null = null;
afterEach(() => network?.destroy());

async function start(): Promise<[Peer, Peer]> {
  network = await createPeers(doc(p('Cat and cat and CAT'), p('concat')));
  return network.peers as [Peer, Peer];
}

describe('find and replace', () => {
  it('counts matches, case-insensitively by default, and steps through them', async () => {
    const [a] = await start();
    a.run(setFindQuery({ search: 'cat' }));
    expect(findState(a.view.state)).toMatchObject({ matchCount: 4, currentIndex: -1 });
    a.run(findNext);
    expect(findState(a.view.state)?.currentIndex).toBeGreaterThanOrEqual(0);
    const first = findState(a.view.state)?.currentIndex ?? -1;
    a.run(findNext);
    expect(findState(a.view.state)?.currentIndex).toBe((first + 1) % 4);
    a.run(findPrevious);
    expect(findState(a.view.state)?.currentIndex).toBe(first);
    a.run(setFindQuery({ search: 'cat', caseSensitive: true }));
    expect(findState(a.view.state)?.matchCount).toBe(2);
    a.run(setFindQuery({ search: 'cat', wholeWord: true }));
    expect(findState(a.view.state)?.matchCount).toBe(3);
    a.run(clearFind);
    expect(findState(a.view.state)?.matchCount).toBe(0);
  });

  it('replaces one match, then all of them in one step that one undo reverts, for everyone', async () => {
    const [a, b] = await start();
    a.run(setFindQuery({ search: 'cat', replace: 'dog', wholeWord: true }));
    a.run(findNext);
    a.run(replaceOne);
    expect(findState(a.view.state)?.matchCount).toBe(2);
    a.stopCapturing();
    a.run(replaceAll);
    await network?.settle();
    expect(b.view.state.doc.textContent).toBe('dog and dog and dogconcat');
    a.run(undoCommand);
    await network?.settle();
    expect(b.view.state.doc.textContent).toBe('dog and cat and CATconcat');
  });
});
