/** The editable element's attributes: a multi-line textbox named "Document", described by the help text. */
export function editorAttributes(editorId: string, helpId: string): Record<string, string> {
  return {
    id: editorId,
    class: 'quire-doc',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': 'Document',
    'aria-describedby': helpId,
    'aria-autocomplete': 'list',
    spellcheck: 'true',
  };
}
