// @vitest-environment happy-dom
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { schema } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { Awareness } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUnboundEditorState } from './editor-plugins';
import type { NextTask } from './next-task';
import { bindSharedDocument, AT_ONCE_BLOCKS } from './shared-document-binding';
import { doc, p } from './testing/editor-test-kit';

const views: EditorView[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

/** A shared document of `count` paragraphs, and an unbound view (editable, as the page makes it once bound). */
function open(count: number, options: { commentOnly?: boolean } = {}) {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  prosemirrorToYXmlFragment(doc(...Array.from({ length: count }, (_, index) => p(`Paragraph ${index + 1}`))), fragment);
  const mount = document.createElement('div');
  document.body.appendChild(mount);
  const commentOnly = options.commentOnly ?? false;
  const view = new EditorView(mount, { state: createUnboundEditorState({ commentOnly: () => commentOnly }) });
  views.push(view);
  return { ydoc, fragment, view, awareness: new Awareness(ydoc) };
}

/** Parts wait in this queue until the test runs them, one task at a time. */
function manualTasks() {
  const queue: (() => void)[] = [];
  const yieldToPage: NextTask = (next) => {
    queue.push(next);
    return () => queue.splice(queue.indexOf(next), 1);
  };
  return {
    yieldToPage,
    queue,
    /** Runs the waiting parts until none is left; returns how many ran. */
    runAll() {
      let ran = 0;
      while (queue.length > 0) {
        queue.shift()?.();
        ran++;
      }
      return ran;
    },
  };
}

const shared = (fragment: Y.XmlFragment): Node => yXmlFragmentToProseMirrorRootNode(fragment, schema);

describe('binding a view to its shared document', () => {
  it('binds a short document at once, y-prosemirror rendering it', async () => {
    const { fragment, view, awareness } = open(AT_ONCE_BLOCKS);
    const tasks = manualTasks();
    const binding = bindSharedDocument(view, { fragment, awareness, yieldToPage: tasks.yieldToPage });
    await binding.bound;
    expect(tasks.queue).toHaveLength(0);
    expect(view.state.doc.eq(shared(fragment))).toBe(true);
  });

  it('renders a long document a part at a time, top first, then binds it to the same nodes', async () => {
    const { fragment, view, awareness } = open(600);
    const tasks = manualTasks();
    const binding = bindSharedDocument(view, { fragment, awareness, yieldToPage: tasks.yieldToPage });
    // Nothing rendered in the caller's task but the conversion.
    expect(view.state.doc.childCount).toBe(1);
    tasks.queue.shift()?.();
    expect(view.state.doc.childCount).toBeGreaterThan(1);
    expect(view.state.doc.childCount).toBeLessThan(AT_ONCE_BLOCKS);
    expect(view.state.doc.child(0).textContent).toBe('Paragraph 1');
    const firstBlock = view.state.doc.child(0);
    expect(tasks.runAll()).toBeGreaterThan(0);
    await binding.bound;
    expect(view.state.doc.eq(shared(fragment))).toBe(true);
    // y-prosemirror started from the nodes on screen: it made none again (a render of its own makes new ones).
    expect(view.state.doc.child(0)).toBe(firstBlock);
    expect(view.state.plugins.length).toBeGreaterThan(createUnboundEditorState().plugins.length);
  });

  it('writes the person’s typing to the shared document once bound, and remote changes to the view', async () => {
    const { ydoc, fragment, view, awareness } = open(300);
    const tasks = manualTasks();
    const binding = bindSharedDocument(view, { fragment, awareness, yieldToPage: tasks.yieldToPage });
    tasks.runAll();
    await binding.bound;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1)).insertText('Typed. '));
    expect((fragment.get(0) as Y.XmlElement).toString()).toContain('Typed. Paragraph 1');
    expect(fragment.length).toBe(300);
    ydoc.transact(() => (fragment.get(299) as Y.XmlElement).insert(1, [new Y.XmlText(' and more')]));
    expect(view.state.doc.lastChild?.textContent).toBe('Paragraph 300 and more');
  });

  it('renders what changed while the parts rendered (someone typing), losing nothing', async () => {
    const { ydoc, fragment, view, awareness } = open(300);
    const tasks = manualTasks();
    const binding = bindSharedDocument(view, { fragment, awareness, yieldToPage: tasks.yieldToPage });
    tasks.queue.shift()?.();
    ydoc.transact(() => {
      ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Edited: ');
      ((fragment.get(250) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Also: ');
    });
    tasks.runAll();
    await binding.bound;
    expect(view.state.doc.eq(shared(fragment))).toBe(true);
    expect(view.state.doc.child(0).textContent).toBe('Edited: Paragraph 1');
    expect(view.state.doc.child(250).textContent).toBe('Also: Paragraph 251');
    expect(fragment.length).toBe(300);
  });

  it('renders a commenter’s document too (its guard lets the shared content in)', async () => {
    const { fragment, view, awareness } = open(200, { commentOnly: true });
    const tasks = manualTasks();
    const binding = bindSharedDocument(view, { fragment, awareness, yieldToPage: tasks.yieldToPage });
    tasks.runAll();
    await binding.bound;
    expect(view.state.doc.childCount).toBe(200);
    expect(view.state.doc.eq(shared(fragment))).toBe(true);
  });

  it('binds a view once, when asked again', async () => {
    const { fragment, view, awareness } = open(10);
    await bindSharedDocument(view, { fragment, awareness }).bound;
    const plugins = view.state.plugins;
    await bindSharedDocument(view, { fragment, awareness }).bound;
    expect(view.state.plugins).toBe(plugins);
  });

  it('stops when cancelled, leaving the shared document untouched', () => {
    const { fragment, view, awareness } = open(300);
    const before = shared(fragment);
    const tasks = manualTasks();
    const binding = bindSharedDocument(view, { fragment, awareness, yieldToPage: tasks.yieldToPage });
    tasks.queue.shift()?.();
    binding.cancel();
    expect(tasks.queue).toHaveLength(0);
    expect(shared(fragment).eq(before)).toBe(true);
    expect(view.state.doc.childCount).toBeLessThan(300);
  });
});
