import type { MediaContext } from './media-context';

/**
 * What an `upload:<id>` image or file shows while it uploads: a progress bar with the share sent on
 * the uploader's page, an indeterminate one on everyone else's (they only know it is coming).
 * Returns the element and a function that stops watching the upload.
 */
export function uploadPlaceholder(context: MediaContext, uploadId: string, what: 'image' | 'file'): { element: HTMLElement; stop: () => void } {
  const element = document.createElement('div');
  element.className = 'quire-upload';
  element.dataset['uploadId'] = uploadId;
  const label = document.createElement('span');
  label.className = 'quire-upload__label';
  const bar = document.createElement('progress');
  bar.className = 'quire-upload__bar';
  element.append(label, bar);

  const draw = () => {
    const status = context.uploads.get(uploadId);
    if (status) {
      label.textContent = `Uploading ${status.name}…`;
      bar.max = Math.max(status.total, 1);
      bar.value = Math.min(status.loaded, bar.max);
      bar.setAttribute('aria-label', `Uploading ${status.name}`);
    } else {
      label.textContent = what === 'image' ? 'An image is being uploaded…' : 'A file is being uploaded…';
      bar.removeAttribute('value');
      bar.setAttribute('aria-label', label.textContent);
    }
  };
  draw();
  return { element, stop: context.uploads.watch(uploadId, draw) };
}
