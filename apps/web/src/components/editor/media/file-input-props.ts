import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { importRemoteImages, remoteImageUrls } from './import-remote-images';
import { insertUploads, type UploadHost } from './upload-files';

/**
 * Whether pasted HTML carries content of its own. Word and Google Docs put a picture of the copied
 * selection on the clipboard beside its HTML: then the HTML is the paste, not the picture.
 */
function htmlHasContent(html: string): boolean {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return (parsed.body.textContent ?? '').trim() !== '' || parsed.body.querySelector('table, ul, ol, hr') !== null;
}

/**
 * The view's `handlePaste` and `handleDrop` for files: pasted or dropped files are uploaded (images
 * shown inline, anything else attached); everything else is left to the editor's own paste, after
 * which pasted images from other sites are fetched by the server (import-remote-images).
 */
export function fileInputProps(host: () => UploadHost | null) {
  return {
    handlePaste(view: EditorView, event: ClipboardEvent): boolean {
      const files = Array.from(event.clipboardData?.files ?? []);
      const uploads = host();
      if (!uploads || !view.editable) return false;
      const html = event.clipboardData?.getData('text/html') ?? '';
      if (html && (files.length === 0 || htmlHasContent(html))) {
        // The editor pastes the HTML (its remote images as links with a note); then the server
        // fetches them into the document's files.
        const remote = remoteImageUrls(html);
        if (remote.length > 0) setTimeout(() => void importRemoteImages(view, remote, uploads), 0);
        return false;
      }
      if (files.length === 0) return false;
      insertUploads(view, files, uploads);
      return true;
    },
    handleDrop(view: EditorView, event: DragEvent, _slice: unknown, moved: boolean): boolean {
      const files = Array.from(event.dataTransfer?.files ?? []);
      const uploads = host();
      if (moved || files.length === 0 || !uploads || !view.editable) return false;
      const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
      if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
      insertUploads(view, files, uploads);
      return true;
    },
  };
}
