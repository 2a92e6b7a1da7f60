'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { signupSettingQuery, useSetSignup } from '../../lib/api/people';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';

/** Whether anyone may create an account; stored, so it overrides ALLOW_SIGNUP from then on. */
export function SignupSwitch() {
  const api = useApi();
  const setting = useQuery(signupSettingQuery(api));
  const setSignup = useSetSignup();
  const [error, setError] = useState<string | null>(null);

  if (setting.data === undefined) {
    return setting.error ? <p className={forms.error}>Could not read the setting: {setting.error.message}</p> : <p role="status">Loading…</p>;
  }

  async function change(allowSignup: boolean) {
    setError(null);
    try {
      await setSignup.mutateAsync(allowSignup);
    } catch (caught) {
      setError(`Could not change it: ${(caught as Error).message}`);
    }
  }

  return (
    <>
      <label className={forms.check}>
        <input type="checkbox" checked={setting.data} onChange={(event) => change(event.target.checked)} aria-disabled={setSignup.isPending} />
        Anyone may create an account
      </label>
      <p className={styles.text}>
        {setting.data
          ? 'The sign-up page is open to everyone who can reach this Quire.'
          : 'The sign-up page is closed. People you invite to a document can still sign up through their invitation link, with the invited email.'}
      </p>
      {error ? (
        <p role="alert" className={forms.error}>
          {error}
        </p>
      ) : null}
    </>
  );
}
