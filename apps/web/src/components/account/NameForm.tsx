'use client';

import type { UserView } from '@quire/api-contract';
import { useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useRenameAccount } from '../../lib/api/account';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import { TextField } from '../common/TextField';

/** The name others see in the presence bar and next to this person's cursor. */
export function NameForm({ user }: { user: UserView }) {
  const rename = useRenameAccount();
  const [name, setName] = useState(user.name);
  const [saved, setSaved] = useState(false);
  const { pending, error, form } = useFormAction(async () => {
    setSaved(false);
    if (!name.trim()) return 'Enter a name.';
    await rename.mutateAsync(name.trim());
    setSaved(true);
  });

  return (
    <form {...form}>
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
