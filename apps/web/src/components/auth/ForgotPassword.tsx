'use client';

import { useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useRequestReset } from '../../lib/api/people';
import forms from '../common/forms.module.css';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';

/**
 * "Forgot your password?": Quire sends no mail, so the request goes to the administrator's page,
 * who gives the person a temporary password. The answer is the same whether an account has the email.
 */
export function ForgotPassword({ initialEmail }: { initialEmail: string }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const requestReset = useRequestReset();
  const { pending, error, form } = useFormAction(
    async () => {
      const address = email.trim();
      if (!address) return 'Enter the email of your account.';
      await requestReset.mutateAsync(address);
      setSent(address);
    },
    { 429: 'Too many requests from your network. Try again in an hour, or ask the administrator directly.' },
  );

  return (
    <div className={styles.forgot}>
      {open ? (
        <form {...form} aria-label="Ask for a new password">
          <p>This Quire sends no email: your request goes to its administrator, who gives you a temporary password.</p>
          <TextField label="Email of your account" type="email" value={email} onChange={setEmail} autoComplete="username" error={error} />
          <button type="submit" className="button" aria-disabled={pending}>
            {pending ? 'Sending…' : 'Ask the administrator'}
          </button>
          <p role="status" className={forms.success}>
            {sent ? `Request sent for ${sent}. If an account uses this email, the administrator sees it on their page.` : null}
          </p>
        </form>
      ) : (
        <button
          type="button"
          className={styles.forgotToggle}
          onClick={() => {
            setEmail((typed) => typed || initialEmail);
            setOpen(true);
          }}
        >
          Forgot your password?
        </button>
      )}
    </div>
  );
}
