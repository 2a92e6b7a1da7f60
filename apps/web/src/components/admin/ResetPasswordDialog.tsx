'use client';

import type { UserView } from '@quire/api-contract';
import { useEffect, useId, useState } from 'react';
import { useResetPassword } from '../../lib/api/admin';
import { CopyButton } from '../common/CopyButton';
import { Dialog } from '../common/Dialog';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';

interface Props {
  /** The user whose password to reset; null when closed. */
  user: UserView | null;
  onClose: () => void;
  /** Told once the password is reset (a reset request is then answered). */
  onReset?: () => void;
}

/** Confirms a reset, then shows the temporary password to hand to the user. */
export function ResetPasswordDialog({ user, onClose, onReset }: Props) {
  const resetPassword = useResetPassword();
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const fieldId = useId();

  useEffect(() => {
    setPassword(null);
    setError(null);
    setPending(false);
  }, [user]);

  async function reset() {
    if (!user || pending) return;
    setPending(true);
    setError(null);
    try {
      setPassword(await resetPassword.mutateAsync(user.id));
      onReset?.();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  const name = user?.name ?? '';
  return (
    <Dialog
      open={user !== null}
      title={password ? 'Temporary password' : `Reset ${name}’s password?`}
      description={
        password
          ? `Give this password to ${name}. They sign in with it and should change it on their account page.`
          : `This signs ${name} out everywhere, closes their open documents and revokes their API tokens. They get a temporary password, shown once here.`
      }
      onCancel={onClose}
    >
      <FormError message={error} />
      {password ? (
        <>
          <div className={forms.inline}>
            <div className={forms.field}>
              <label htmlFor={fieldId} className={forms.label}>
                Temporary password
              </label>
              <input id={fieldId} className={forms.input} value={password} readOnly onFocus={(event) => event.target.select()} />
            </div>
            <CopyButton text={password} label="Copy" ariaLabel="Copy the temporary password" copiedMessage="Password copied to the clipboard" />
          </div>
          <div className={`${forms.actions} ${forms.spaced}`}>
            <button type="button" className="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <div className={forms.actions}>
          <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className="button button--danger" onClick={reset} aria-disabled={pending}>
            {pending ? 'Resetting…' : 'Reset password'}
          </button>
        </div>
      )}
    </Dialog>
  );
}
