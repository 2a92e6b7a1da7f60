'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useServerUrl } from '../../hooks/use-server-url';
import { useSessionInfo } from '../../hooks/use-session-info';
import { signUp } from '../../lib/api/auth';
import { safeNextPath, withNext } from '../../lib/next-path';
import { FormError } from '../common/FormError';
import { PageLoading } from '../common/PageStatus';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';
import { AuthLayout } from './AuthLayout';
import { useRequestForm } from '../../hooks/use-request-form';

interface Props {
  configuredServerUrl: string | null;
  next: string | null;
}

/** A new account, when the instance allows sign-up; otherwise says whom to ask. */
export function SignUpScreen({ configuredServerUrl, next }: Props) {
  const serverUrl = useServerUrl(configuredServerUrl);
  const { state } = useSessionInfo(serverUrl);
  const router = useRouter();
  const [name, setName] = useState('');
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
      await signUp(serverUrl as string, { name: name.trim(), email: email.trim(), password });
      router.replace(destination);
    },
    {
      403: 'Sign-up is turned off on this Quire. Ask its administrator for an account.',
      409: 'An account with this email already exists. Sign in instead.',
    },
    serverUrl,
  );

  if (redirect || !session) return <PageLoading label={redirect ? 'Opening Quire…' : 'Loading…'} />;

  const signInLink = <Link href={withNext('/signin', destination)}>Sign in</Link>;
  if (!session.allowSignup) {
    return (
      <AuthLayout title="Sign-up is turned off" footer={<>Already have an account? {signInLink}</>}>
        <p>This Quire does not let people create their own accounts. Ask its administrator to create one for you.</p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Create an account" footer={<>Already have an account? {signInLink}</>}>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <TextField
          label="Your name"
          value={name}
          onChange={setName}
          required
          autoComplete="name"
          maxLength={80}
          hint="Others see it next to your cursor."
        />
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
          {pending ? 'Creating the account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
