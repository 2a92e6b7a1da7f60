'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useServerUrl } from '../../hooks/use-server-url';
import { useSessionInfo } from '../../hooks/use-session-info';
import { signIn } from '../../lib/api/auth';
import { safeNextPath, withNext } from '../../lib/next-path';
import { FormError } from '../common/FormError';
import { PageLoading } from '../common/PageStatus';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';
import { AuthLayout } from './AuthLayout';
import { useRequestForm } from '../../hooks/use-request-form';

interface Props {
  configuredServerUrl: string | null;
  /** Where to go once signed in (checked to be a path on this site). */
  next: string | null;
}

/** Email and password; then back to the page that asked. */
export function SignInScreen({ configuredServerUrl, next }: Props) {
  const serverUrl = useServerUrl(configuredServerUrl);
  const { state } = useSessionInfo(serverUrl);
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const destination = safeNextPath(next);
  const session = state.kind === 'loaded' ? state.value : null;
  const redirect = session?.setupNeeded ? '/setup' : session?.user ? destination : null;

  useEffect(() => {
    if (redirect) router.replace(redirect);
  }, [redirect, router]);

  const { pending, error, onSubmit } = useRequestForm(
    async () => {
      await signIn(serverUrl as string, { email: email.trim(), password });
      router.replace(destination);
    },
    {
      401: 'Wrong email or password.',
      429: 'Too many attempts. Wait a minute, then try again.',
    },
    serverUrl,
  );

  if (redirect) return <PageLoading label="Opening Quire…" />;

  return (
    <AuthLayout
      title="Sign in"
      footer={
        session?.allowSignup === false ? (
          'No account? Ask the administrator of this Quire for one.'
        ) : (
          <>
            No account yet? <Link href={withNext('/signup', destination)}>Create one</Link>
          </>
        )
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <TextField label="Email" type="email" value={email} onChange={setEmail} required autoComplete="username" />
        <TextField label="Password" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
        <button type="submit" className={`button button--primary ${styles.submit}`} aria-disabled={pending || !serverUrl}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
