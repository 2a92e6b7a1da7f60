'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useApi } from '../../lib/api/api-context';
import { sessionQuery, signUp } from '../../lib/api/auth';
import { safeNextPath, withNext } from '../../lib/next-path';
import { FormError } from '../common/FormError';
import { PageLoading } from '../common/PageStatus';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';
import { AuthLayout } from './AuthLayout';
import { useSignedIn } from './use-signed-in';

interface Props {
  next: string | null;
}

/** A new account, when the instance allows sign-up; otherwise says whom to ask. */
export function SignUpScreen({ next }: Props) {
  const api = useApi();
  const { data: session } = useQuery(sessionQuery(api));
  const signedIn = useSignedIn();
  const router = useRouter();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const destination = safeNextPath(next);
  const redirect = session?.setupNeeded ? '/setup' : session?.user ? destination : null;

  useEffect(() => {
    if (redirect) router.replace(redirect);
  }, [redirect, router]);

  const { pending, error, form } = useFormAction(async () => signedIn(await signUp(api, { name: name.trim(), email: email.trim(), password })), {
    403: 'Sign-up is turned off on this Quire. Ask its administrator for an account.',
    409: 'An account with this email already exists. Sign in instead.',
  });

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
      <form {...form}>
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
        <button type="submit" className={`button button--primary ${styles.submit}`} aria-disabled={pending}>
          {pending ? 'Creating the account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
