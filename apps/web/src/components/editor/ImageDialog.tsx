'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import styles from '../common/forms.module.css';
import dialogStyles from './image-dialog.module.css';

interface Props {
  /** The image's current text; null while closed. */
  image: { alt: string; title: string } | null;
  /** Just uploaded: the dialog asks rather than offers. */
  asking: boolean;
  onSave: (text: { alt: string; title: string }) => void;
  onCancel: () => void;
}

/**
 * An image's alt text (read out in place of the image) and caption (shown under it for everyone).
 * Asked for when an image has been uploaded, and editable from the image's controls.
 */
export function ImageDialog({ image, asking, onSave, onCancel }: Props) {
  const [alt, setAlt] = useState('');
  const [title, setTitle] = useState('');
  const altId = useId();
  const altHintId = useId();
  const captionId = useId();

  useEffect(() => {
    if (!image) return;
    setAlt(image.alt);
    setTitle(image.title);
  }, [image]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave({ alt: alt.trim(), title: title.trim() });
  }

  return (
    <Dialog open={image !== null} title={asking ? 'Describe this image' : 'Alt text and caption'} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <div className={styles.field}>
          <label htmlFor={altId} className={styles.label}>
            Alt text
          </label>
          <textarea
            id={altId}
            className={`${styles.input} ${dialogStyles.textarea}`}
            value={alt}
            onChange={(event) => setAlt(event.target.value)}
            aria-describedby={altHintId}
            autoFocus
          />
          <p id={altHintId} className={styles.hint}>
            What the image shows, for people who cannot see it. Leave it empty for a purely decorative image.
          </p>
        </div>
        <div className={styles.field}>
          <label htmlFor={captionId} className={styles.label}>
            Caption
          </label>
          <input id={captionId} className={styles.input} value={title} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div className={styles.actions}>
          <span className={styles.spacer} />
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {asking ? 'Skip' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
