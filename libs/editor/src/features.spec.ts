import { schema } from '@quire/editor-schema';
import { NodeSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { exitCodeOnEmptyLine, indentCode, leaveCodeBlockAtEnd, outdentCode, setCodeBlockLanguage } from './code/code-commands';
import { activeAlignment, setAlignment } from './commands/alignment';
import { activeCalloutKind, toggleCallout } from './commands/callout';
import { activeColor, removeHighlight, setHighlight, setTextColor } from './commands/marks';
import { completeUpload, insertImage, insertMention, removeUpload } from './commands/media';
import { countCharacters, countWords } from './count/counts';
import { buildKeyBindings } from './keymap';
import { addColumnAfter, deleteRow, insertTable, mergeCells, nextCell, previousCell, toggleHeaderRow } from './tables/table-commands';
import { toggleTaskItem } from './tasks/task-commands';
import { apply, callout, code, createState, doc, h, json, li, p, selectText, table, task, tasks, td, th, tr, type, ul } from './testing/editor-test-kit';
import { uploadPlaceholderSrc } from '@quire/editor-schema';

const hl = (text: string, color: string) => schema.text(text, [schema.marks.highlight.create({ color })]);

describe('tables', () => {
  it('inserts a table of the given size with a header row, the cursor in its first cell', () => {
    const state = apply(createState(doc(p())), insertTable(2, 3));
    expect(json(state)).toEqual(doc(table(tr(th(p()), th(p()), th(p())), tr(td(p()), td(p()), td(p())))).toJSON());
    expect(state.selection.$from.parent.type).toBe(schema.nodes.paragraph);
    expect(state.selection.$from.node(-1).type).toBe(schema.nodes.table_header);
    expect(insertTable(0, 3)(state)).toBe(false);
    expect(insertTable(3, 21)(state)).toBe(false);
  });

  it('moves between cells with Tab and Shift-Tab, adding a row after the last cell', () => {
    let state = selectText(createState(doc(table(tr(td(p('a')), td(p('b')))))), 'a', 'end');
    state = apply(state, nextCell);
    expect(state.selection.$from.parent.textContent).toBe('b');
    state = apply(state, previousCell);
    expect(state.selection.$from.parent.textContent).toBe('a');
    state = apply(apply(state, nextCell), nextCell);
    expect(json(state)).toEqual(doc(table(tr(td(p('a')), td(p('b'))), tr(td(p()), td(p())))).toJSON());
    expect(state.selection.$from.node(-2)).toBe(state.doc.child(0).child(1));
    expect(nextCell(createState(doc(p('x'))))).toBe(false);
  });

  it('adds columns, toggles the header row, deletes rows, merges cells', () => {
    const start = selectText(createState(doc(table(tr(td(p('a')), td(p('b'))), tr(td(p('c')), td(p('d')))))), 'a', 'end');
    expect(apply(start, addColumnAfter).doc.child(0).child(0).childCount).toBe(3);
    expect(apply(start, toggleHeaderRow).doc.child(0).child(0).child(0).type).toBe(schema.nodes.table_header);
    expect(apply(start, deleteRow).doc.child(0).childCount).toBe(1);
    expect(mergeCells(start)).toBe(false);
  });
});

describe('code blocks', () => {
  it('indents and outdents with Tab and Shift-Tab inside code only', () => {
    const state = selectText(createState(doc(code(null, 'a\nb'))), 'b', 'start');
    const indented = apply(state, indentCode);
    expect(indented.doc.textContent).toBe('a\n  b');
    expect(apply(indented, outdentCode).doc.textContent).toBe('a\nb');
    expect(indentCode(createState(doc(p('x'))))).toBe(false);
    const bindings = buildKeyBindings();
    expect(apply(state, bindings['Tab']!).doc.textContent).toBe('a\n  b');
  });

  it('leaves the block on Enter at an empty last line, dropping that line', () => {
    const state = createState(doc(code('js', 'x\n')));
    const after = apply(state, exitCodeOnEmptyLine);
    expect(json(after)).toEqual(doc(code('js', 'x'), p()).toJSON());
    expect(after.selection.$from.parent.type).toBe(schema.nodes.paragraph);
    expect(exitCodeOnEmptyLine(createState(doc(code('js', 'x'))))).toBe(false);
  });

  it('leaves the block with ArrowDown or ArrowRight at its end, creating a paragraph when none follows', () => {
    const last = createState(doc(code(null, 'x')));
    expect(json(apply(last, leaveCodeBlockAtEnd('right')))).toEqual(doc(code(null, 'x'), p()).toJSON());
    expect(json(apply(last, leaveCodeBlockAtEnd('down')))).toEqual(doc(code(null, 'x'), p()).toJSON());
    const followed = selectText(createState(doc(code(null, 'x'), p('after'))), 'x', 'end');
    expect(leaveCodeBlockAtEnd('right')(followed)).toBe(false);
    const firstLine = selectText(createState(doc(code(null, 'x\ny'))), 'x', 'end');
    expect(leaveCodeBlockAtEnd('down')(firstLine)).toBe(false);
  });

  it('sets the language, and ``` then a known language and a space sets it as it is typed', () => {
    const state = createState(doc(code(null, 'x')));
    expect(apply(state, setCodeBlockLanguage('Python')).doc.child(0).attrs['language']).toBe('python');
    expect(setCodeBlockLanguage('no spaces allowed')(state)).toBe(false);
    expect(json(type(createState(doc(p())), '```ts const'))).toEqual(doc(code('ts', 'const')).toJSON());
    expect(json(type(createState(doc(p())), '```hello world'))).toEqual(doc(code(null, 'hello world')).toJSON());
  });
});

describe('task lists', () => {
  it('start with [ ] and [x], join a task list above, and turn a one-item bullet list into one', () => {
    expect(json(type(createState(doc(p())), '[ ] buy'))).toEqual(doc(tasks(task(false, p('buy')))).toJSON());
    expect(json(type(createState(doc(p())), '[x] paid'))).toEqual(doc(tasks(task(true, p('paid')))).toJSON());
    expect(json(type(createState(doc(p())), '- [ ] gh'))).toEqual(doc(tasks(task(false, p('gh')))).toJSON());
    expect(json(type(createState(doc(ul(li(p('a')), li(p())))), '[ ] b'))).toEqual(doc(ul(li(p('a')), li(p('[ ] b')))).toJSON());
  });

  it('tick with toggleTaskItem (Mod-Enter), and Enter makes a new unticked task', () => {
    const state = selectText(createState(doc(tasks(task(true, p('done'))))), 'done', 'end');
    expect(json(apply(state, toggleTaskItem()))).toEqual(doc(tasks(task(false, p('done')))).toJSON());
    expect(json(apply(state, buildKeyBindings()['Mod-Enter']!))).toEqual(doc(tasks(task(false, p('done')))).toJSON());
    expect(json(apply(state, buildKeyBindings()['Enter']!))).toEqual(doc(tasks(task(true, p('done')), task(false, p()))).toJSON());
    expect(toggleTaskItem(0)(state)).toBe(false);
  });
});

describe('marks, alignment, callouts and headings', () => {
  it('highlights and colours the selection from the palette, and reads the colour back', () => {
    const selected = selectText(createState(doc(p('word'))), 'word');
    const yellow = apply(selected, setHighlight());
    expect(json(yellow)).toEqual(doc(p(hl('word', 'yellow'))).toJSON());
    expect(activeColor(yellow, 'highlight')).toBe('yellow');
    expect(json(apply(apply(yellow, setHighlight('green')), removeHighlight))).toEqual(doc(p('word')).toJSON());
    expect(activeColor(apply(selected, setTextColor('red')), 'text_color')).toBe('red');
    expect(setTextColor('chartreuse' as never)(selected)).toBe(false);
  });

  it('aligns paragraphs and headings, left being the default', () => {
    const state = apply(createState(doc(p('a'))), setAlignment('center'));
    expect(state.doc.child(0).attrs['align']).toBe('center');
    expect(activeAlignment(state)).toBe('center');
    expect(apply(state, setAlignment('left')).doc.child(0).attrs['align']).toBeNull();
  });

  it('wraps in a callout, changes its kind, and lifts out of it', () => {
    const wrapped = apply(createState(doc(p('note'))), toggleCallout('warning'));
    expect(json(wrapped)).toEqual(doc(callout('warning', p('note'))).toJSON());
    expect(activeCalloutKind(apply(wrapped, toggleCallout('error')))).toBe('error');
    expect(json(apply(wrapped, toggleCallout('warning')))).toEqual(doc(p('note')).toJSON());
  });

  it('sets heading 4 with Mod-Alt-4', () => {
    expect(json(apply(createState(doc(p('x'))), buildKeyBindings()['Mod-Alt-4']!))).toEqual(doc(h(4, 'x')).toJSON());
  });
});

describe('images, uploads and mentions', () => {
  it('inserts an image in place of an empty paragraph and refuses data: sources', () => {
    const state = apply(createState(doc(p('a'), p())), insertImage({ src: '/api/files/f1', alt: 'chart' }));
    expect(state.doc.child(1).attrs).toEqual({ src: '/api/files/f1', alt: 'chart', title: '', width: null });
    expect(state.selection).toBeInstanceOf(NodeSelection);
    expect(insertImage({ src: 'data:image/png;base64,AA' })(state)).toBe(false);
  });

  it('turns an upload placeholder into the uploaded file, or removes it when the upload fails', () => {
    const uploading = apply(createState(doc(p())), insertImage({ src: uploadPlaceholderSrc('u1') }));
    expect(apply(uploading, completeUpload('u1', '/api/files/f9')).doc.child(0).attrs['src']).toBe('/api/files/f9');
    expect(completeUpload('u1', 'javascript:x')(uploading)).toBe(false);
    expect(apply(uploading, removeUpload('u1')).doc.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { align: null } }] });
  });

  it('inserts a mention with a space after it, not in code', () => {
    const state = apply(createState(doc(p('Hi '))), insertMention({ id: 'u1', label: 'Ada' }));
    expect(state.doc.textContent).toBe('Hi @Ada ');
    expect(insertMention({ id: 'u1', label: 'Ada' })(createState(doc(code(null, 'x'))))).toBe(false);
  });
});

describe('counts', () => {
  it('counts words and characters across blocks, mentions as their name', () => {
    const content = doc(h(1, 'Two words'), p('and ', schema.node('mention', { id: 'u', label: 'Ada' }), ' 😀'), table(tr(td(p('cell')))));
    expect(countWords(content)).toBe(5);
    expect(countCharacters(content)).toBe('Two words'.length + 'and @Ada 😀'.length - 1 + 'cell'.length);
    expect(countCharacters(content, { withSpaces: false })).toBe(8 + 7 + 1 + 4);
  });
});

