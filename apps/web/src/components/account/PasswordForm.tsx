'use client';

import { useState } from 'react';
import { useRequestForm } from '../../hooks/use-request-form';
import { changePassword } from '../../lib/api/account';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import { TextField } from '../common/TextField';

/** Changes the password; the server signs out every other session. */
export function PasswordForm({ serverUrl }: { serverUrl: string }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [saved, setSaved] = useState(false);
  const { pending, error, setError, onSubmit } = useRequestForm(
    async () => {
      setSaved(false);
      if (newPassword.length < 8) {
        setError('The new password needs at least 8 characters.');
        return;
      }
      await changePassword(serverUrl, { currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setSaved(true);
    },
    { 401: 'Your current password is not right.' },
    serverUrl,
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <TextField label="Current password" type="password" value={currentPassword} onChange={setCurrent} required autoComplete="current-password" />
      <TextField
        label="New password"
        type="password"
        value={newPassword}
        onChange={setNew}
        required
        minLength={8}
        autoComplete="new-password"
        hint="At least 8 characters. Your other sessions are signed out."
      />
      <div className={forms.actions}>
        <p role="status" className={forms.success}>
          {saved ? 'Password changed. Other sessions were signed out.' : ''}
        </p>
        <span className={forms.spacer} />
        <button type="submit" className="button button--primary" aria-disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
