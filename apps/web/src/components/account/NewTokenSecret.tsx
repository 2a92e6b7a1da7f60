'use client';

import type { CreatedApiToken } from '@quire/api-contract';
import { useId } from 'react';
import { CopyButton } from '../common/CopyButton';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';

/** A token's secret, shown once right after it is created, with a copy button. */
export function NewTokenSecret({ token, onDismiss }: { token: CreatedApiToken; onDismiss: () => void }) {
  const id = useId();
  return (
    <div className={styles.secret} role="region" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className={styles.secretTitle}>
        Token “{token.name}” created
      </p>
      <p className={styles.text}>Copy it now: it is shown only this once. Store it like a password.</p>
      <div className={forms.inline}>
        <div className={forms.field}>
          <label htmlFor={id} className="visually-hidden">
            The new token
          </label>
          <input id={id} className={forms.input} value={token.token} readOnly onFocus={(event) => event.target.select()} />
        </div>
        <CopyButton text={token.token} label="Copy" ariaLabel="Copy the token" copiedMessage="Token copied to the clipboard" />
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
