'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useServerUrl } from '../../hooks/use-server-url';
import { useSessionInfo } from '../../hooks/use-session-info';
import { completeSetup } from '../../lib/api/auth';
import { FormError } from '../common/FormError';
import { PageLoading } from '../common/PageStatus';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';
import { AuthLayout } from './AuthLayout';
import { useRequestForm } from '../../hooks/use-request-form';

/**
 * The first visit to a fresh instance: the one-time setup code from the server's log, and the
 * administrator's account. Once set up, this page sends people home.
 */
export function SetupScreen({ configuredServerUrl }: { configuredServerUrl: string | null }) {
  const serverUrl = useServerUrl(configuredServerUrl);
  const { state } = useSessionInfo(serverUrl);
  const router = useRouter();
  const [code, setCode] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const alreadySetUp = state.kind === 'loaded' && !state.value.setupNeeded;

  useEffect(() => {
    if (alreadySetUp) router.replace('/');
  }, [alreadySetUp, router]);

  const { pending, error, onSubmit } = useRequestForm(
    async () => {
      await completeSetup(serverUrl as string, { code: code.trim(), email: email.trim(), name: name.trim(), password });
      router.replace('/');
    },
    {
      403: 'That setup code is not right. Copy it from the server’s log, from the line “Setup code: …”.',
      409: 'This Quire is already set up. Sign in instead.',
    },
    serverUrl,
  );

  if (alreadySetUp) return <PageLoading label="Already set up. Opening Quire…" />;

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
      <form onSubmit={onSubmit} noValidate>
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
        <button type="submit" className={`button button--primary ${styles.submit}`} aria-disabled={pending || !serverUrl}>
          {pending ? 'Creating the account…' : 'Create administrator account'}
        </button>
      </form>
    </AuthLayout>
  );
}
