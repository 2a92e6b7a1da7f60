/** Instructions for screen reader users, referenced by the editor's aria-describedby. */
export function EditorHelp({ id, isMac, readOnly }: { id: string; isMac: boolean; readOnly: boolean }) {
  const mod = isMac ? 'Command' : 'Control';
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
      formatting toolbar; Tab and Shift+Tab indent and outdent list items. {mod}+B bold, {mod}+I italic, {mod}+U underline,{' '}
      {mod}+K link, {mod}+Z undo. Markdown shortcuts: a hash and a space for a heading, a dash and a space for a list, a
      greater-than sign and a space for a quote.
    </p>
  );
}
