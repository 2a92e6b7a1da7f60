'use client';

import { MIN_PASSWORD_LENGTH } from '@quire/api-contract';
import { useId, useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useChangePassword } from '../../lib/api/account';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';
import { TextField } from '../common/TextField';

/**
 * Changes the password; the server signs out every other session (other devices) and, if asked,
 * revokes the API tokens too: a password changed because it leaked may have let someone make them.
 */
export function PasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [saved, setSaved] = useState<{ revokedTokens: boolean } | null>(null);
  const revokeId = useId();
  const { pending, error, form } = useFormAction(
    async () => {
      setSaved(null);
      if (newPassword.length < MIN_PASSWORD_LENGTH) return `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
      await change.mutateAsync({ currentPassword, newPassword, revokeTokens });
      setCurrent('');
      setNew('');
      setRevokeTokens(false);
      setSaved({ revokedTokens: revokeTokens });
    },
    { 401: 'Your current password is not right.' },
  );

  return (
    <form {...form}>
      <p className={styles.text}>Other devices will be signed out.</p>
      <FormError message={error} />
      <TextField label="Current password" type="password" value={currentPassword} onChange={setCurrent} required autoComplete="current-password" />
      <TextField
        label="New password"
        type="password"
        value={newPassword}
        onChange={setNew}
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <div className={forms.check}>
        <input id={revokeId} type="checkbox" checked={revokeTokens} onChange={(event) => setRevokeTokens(event.target.checked)} />
        <label htmlFor={revokeId}>Also revoke my API tokens</label>
      </div>
      <div className={forms.actions}>
        <p role="status" className={forms.success}>
          {saved ? `Password changed. Other devices were signed out${saved.revokedTokens ? ' and your API tokens revoked' : ''}.` : ''}
        </p>
        <span className={forms.spacer} />
        <button type="submit" className="button button--primary" aria-disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
