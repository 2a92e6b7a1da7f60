// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { undoCommand } from 'y-prosemirror';
import { addRowAfter } from './tables/table-commands';
import { toggleTaskItem } from './tasks/task-commands';
import { createPeers, type Peer, type PeerNetwork } from './testing/collab-peers';
import { code, doc, p, table, task, tasks, td, th, tr } from './testing/editor-test-kit';

let network: PeerNetwork | null = null;
afterEach(() => {
  network?.destroy();
  network = null;
});

async function start(initial: Parameters<typeof createPeers>[0]): Promise<[Peer, Peer, PeerNetwork]> {
  network = await createPeers(initial);
  const [a, b] = network.peers as [Peer, Peer];
  return [a, b, network];
}

const type = (peer: Peer, text: string) => peer.view.dispatch(peer.view.state.tr.insertText(text));
const json = (peer: Peer) => peer.view.state.doc.toJSON();

describe('editing the new elements together', () => {
  it('converges when two people edit different cells of one table at once', async () => {
    const [a, b, net] = await start(doc(table(tr(th(p('Name')), th(p('Role'))), tr(td(p('Ada')), td(p('Eng'))))));
    net.disconnect();
    a.cursorAt('Ada');
    type(a, ' Lovelace');
    b.cursorAt('Eng');
    type(b, 'ineer');
    b.cursorAt('Role');
    type(b, 's');
    net.reconnect();
    await net.settle();
    const expected = doc(table(tr(th(p('Name')), th(p('Roles'))), tr(td(p('Ada Lovelace')), td(p('Engineer'))))).toJSON();
    expect(json(a)).toEqual(expected);
    expect(json(b)).toEqual(expected);
  });

  it('converges when one person adds a row while another types in a cell', async () => {
    const [a, b, net] = await start(doc(table(tr(td(p('a1')), td(p('b1'))))));
    net.disconnect();
    a.cursorAt('a1');
    a.run(addRowAfter);
    b.cursorAt('b1');
    type(b, '!');
    net.reconnect();
    await net.settle();
    expect(json(a)).toEqual(json(b));
    expect(a.view.state.doc.child(0).childCount).toBe(2);
    expect(a.view.state.doc.textContent).toBe('a1b1!');
  });

  it('converges when two people type in one code block at once, keeping its language', async () => {
    const [a, b, net] = await start(doc(code('typescript', 'const a = 1;\nconst b = 2;')));
    net.disconnect();
    a.cursorAt('a = 1');
    type(a, '0');
    b.cursorAt('b = 2');
    type(b, '0');
    net.reconnect();
    await net.settle();
    const expected = doc(code('typescript', 'const a = 10;\nconst b = 20;')).toJSON();
    expect(json(a)).toEqual(expected);
    expect(json(b)).toEqual(expected);
  });

  it('converges when two people tick and edit tasks of one list at once', async () => {
    const [a, b, net] = await start(doc(tasks(task(false, p('write')), task(false, p('review')))));
    net.disconnect();
    a.cursorAt('write');
    a.run(toggleTaskItem());
    b.cursorAt('review');
    type(b, ' it');
    b.cursorAt('write');
    type(b, ' docs');
    net.reconnect();
    await net.settle();
    const expected = doc(tasks(task(true, p('write docs')), task(false, p('review it')))).toJSON();
    expect(json(a)).toEqual(expected);
    expect(json(b)).toEqual(expected);
  });

  it('undoes only one\'s own table edit, leaving the other person\'s', async () => {
    const [a, b, net] = await start(doc(table(tr(td(p('x')), td(p('y'))))));
    a.cursorAt('x');
    type(a, 'A');
    await net.settle();
    b.cursorAt('y');
    type(b, 'B');
    await net.settle();
    a.run(undoCommand);
    await net.settle();
    const expected = doc(table(tr(td(p('x')), td(p('yB'))))).toJSON();
    expect(json(a)).toEqual(expected);
    expect(json(b)).toEqual(expected);
  });

  it('undoes one\'s own added row only', async () => {
    const [a, b, net] = await start(doc(table(tr(td(p('x')), td(p('y'))))));
    a.cursorAt('x');
    a.run(addRowAfter);
    await net.settle();
    b.cursorAt('y');
    type(b, '2');
    await net.settle();
    expect(b.view.state.doc.child(0).childCount).toBe(2);
    a.run(undoCommand);
    await net.settle();
    const expected = doc(table(tr(td(p('x')), td(p('y2'))))).toJSON();
    expect(json(a)).toEqual(expected);
    expect(json(b)).toEqual(expected);
    expect(a.view.state.selection).toBeInstanceOf(TextSelection);
  });
});
