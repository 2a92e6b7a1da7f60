/** Instructions for screen reader users, referenced by the editor's aria-describedby. */
export function EditorHelp({ id, isMac, readOnly, commentOnly = false }: { id: string; isMac: boolean; readOnly: boolean; commentOnly?: boolean }) {
  const mod = isMac ? 'Command' : 'Control';
  if (commentOnly) {
    return (
      <p id={id} className="visually-hidden">
        You may comment but not edit this document. Move with the arrow keys, select text with Shift and the arrow keys, then
        press {mod}+Alt+M to comment on it. Commented text is highlighted; its threads are listed in the Comments region.
      </p>
    );
  }
  if (readOnly) {
    return (
      <p id={id} className="visually-hidden">
        Read-only document: you see every change as it happens, but cannot edit it.
      </p>
    );
  }
  return (
    <p id={id} className="visually-hidden">
      Rich text editor, shared live with everyone who has access. Press Escape to leave the editor and move to the
      formatting toolbar, Alt+F10 to reach the controls of the table, image or code block you are in; Tab and Shift+Tab
      indent list items and move between table cells. Type a slash at the start of a line to insert a block, an at sign
      to mention someone. {mod}+B bold, {mod}+I italic, {mod}+U underline, {mod}+K link, {mod}+F find and replace,{' '}
      {mod}+Z undo, {mod}+Enter ticks a task, {mod}+slash lists every shortcut.
    </p>
  );
}
