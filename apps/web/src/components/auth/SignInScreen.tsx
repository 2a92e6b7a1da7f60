'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useApi } from '../../lib/api/api-context';
import { sessionQuery, signIn } from '../../lib/api/auth';
import { safeNextPath, withNext } from '../../lib/next-path';
import { FormError } from '../common/FormError';
import { PageLoading } from '../common/PageStatus';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';
import { AuthLayout } from './AuthLayout';
import { ForgotPassword } from './ForgotPassword';
import { useSignedIn } from './use-signed-in';

interface Props {
  /** Where to go once signed in (checked to be a path on this site). */
  next: string | null;
}

/** Email and password; then back to the page that asked. */
export function SignInScreen({ next }: Props) {
  const api = useApi();
  const { data: session } = useQuery(sessionQuery(api));
  const signedIn = useSignedIn();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const destination = safeNextPath(next);
  const redirect = session?.setupNeeded ? '/setup' : session?.user ? destination : null;

  useEffect(() => {
    if (redirect) router.replace(redirect);
  }, [redirect, router]);

  const { pending, error, form } = useFormAction(async () => signedIn(await signIn(api, { email: email.trim(), password })), {
    401: 'Wrong email or password.',
    403: 'This account is disabled. Ask the administrator of this Quire.',
    429: 'Too many attempts. Wait a minute, then try again.',
  });

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
      <form {...form}>
        <FormError message={error} />
        <TextField label="Email" type="email" value={email} onChange={setEmail} required autoComplete="username" />
        <TextField label="Password" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
        <button type="submit" className={`button button--primary ${styles.submit}`} aria-disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ForgotPassword initialEmail={email.trim()} />
    </AuthLayout>
  );
}
