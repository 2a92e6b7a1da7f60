'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useApi } from '../../lib/api/api-context';
import { completeSetup, sessionQuery } from '../../lib/api/auth';
import { FormError } from '../common/FormError';
import { PageLoading } from '../common/PageStatus';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';
import { AuthLayout } from './AuthLayout';
import { useSignedIn } from './use-signed-in';

/**
 * The first visit to a fresh instance: the one-time setup code from the server's log, and the
 * administrator's account. Once set up, this page sends people home.
 */
export function SetupScreen() {
  const api = useApi();
  const { data: session } = useQuery(sessionQuery(api));
  const signedIn = useSignedIn();
  const router = useRouter();
  const [code, setCode] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const alreadySetUp = session?.setupNeeded === false;

  useEffect(() => {
    if (alreadySetUp) router.replace('/');
  }, [alreadySetUp, router]);

  const { pending, error, form } = useFormAction(
    async () => signedIn(await completeSetup(api, { code: code.trim(), email: email.trim(), name: name.trim(), password })),
    {
      403: 'That setup code is not right. Copy it from the server’s log, from the line “Setup code: …”.',
      409: 'This Quire is already set up. Sign in instead.',
    },
  );

  if (alreadySetUp) return <PageLoading label={session?.user ? 'Opening Quire…' : 'Already set up. Opening Quire…'} />;

  return (
    <AuthLayout
      title="Set up Quire"
      intro={
        <>
          <p>Create the administrator account. It can reset other people’s passwords.</p>
          <p>
            To prove this server is yours, enter the setup code it printed in its log when it started, on the line{' '}
            <code>Setup code: …</code>
          </p>
        </>
      }
    >
      <form {...form}>
        <FormError message={error} />
        <TextField
          label="Setup code"
          value={code}
          onChange={setCode}
          required
          autoComplete="off"
          spellCheck={false}
          hint={
            <>
              Printed in the server’s log as <code className={styles.hintCode}>Setup code: …</code> (run{' '}
              <code className={styles.hintCode}>docker compose logs</code> or look at the terminal running{' '}
              <code className={styles.hintCode}>npm start</code>).
            </>
          }
        />
        <TextField label="Your name" value={name} onChange={setName} required autoComplete="name" maxLength={80} />
        <TextField label="Email" type="email" value={email} onChange={setEmail} required autoComplete="email" />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          required
          autoComplete="new-password"
          minLength={8}
          hint="At least 8 characters."
        />
        <button type="submit" className={`button button--primary ${styles.submit}`} aria-disabled={pending}>
          {pending ? 'Creating the account…' : 'Create administrator account'}
        </button>
      </form>
    </AuthLayout>
  );
}
