'use client';

import { useState } from 'react';
import { useRequestForm } from '../../hooks/use-request-form';
import { changeName } from '../../lib/api/account';
import type { User } from '../../lib/api/types';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import { TextField } from '../common/TextField';

interface Props {
  serverUrl: string;
  user: User;
  onSaved: (user: User) => void;
}

/** The name others see in the presence bar and next to this person's cursor. */
export function NameForm({ serverUrl, user, onSaved }: Props) {
  const [name, setName] = useState(user.name);
  const [saved, setSaved] = useState(false);
  const { pending, error, setError, onSubmit } = useRequestForm(
    async () => {
      setSaved(false);
      if (!name.trim()) {
        setError('Enter a name.');
        return;
      }
      onSaved(await changeName(serverUrl, name.trim()));
      setSaved(true);
    },
    {},
    serverUrl,
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <TextField
        label="Your name"
        value={name}
        onChange={(value) => {
          setName(value);
          setSaved(false);
        }}
        required
        maxLength={80}
        autoComplete="name"
        hint="Shown to the people you write with. Documents you have open use it from their next connection."
      />
      <div className={forms.actions}>
        <p role="status" className={forms.success}>
          {saved ? 'Name saved.' : ''}
        </p>
        <span className={forms.spacer} />
        <button type="submit" className="button button--primary" aria-disabled={pending}>
          {pending ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  );
}
