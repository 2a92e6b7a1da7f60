'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useApi } from '../../lib/api/api-context';
import { sessionQuery, signUp } from '../../lib/api/auth';
import { invitationInfoQuery } from '../../lib/api/people';
import { formatDate } from '../../lib/relative-time';
import { safeNextPath, withNext } from '../../lib/next-path';
import { FormError } from '../common/FormError';
import { PageLoading } from '../common/PageStatus';
import { TextField } from '../common/TextField';
import styles from './auth.module.css';
import { AuthLayout } from './AuthLayout';
import { useSignedIn } from './use-signed-in';

const SHARE_ROLE_VERBS = { editor: 'edit', commenter: 'comment on', viewer: 'read' } as const;

interface Props {
  next: string | null;
  /** The token of an invitation link (`/signup?invite=…`), if the person came through one. */
  invite: string | null;
}

/** A new account, when the instance allows sign-up or the person holds an invitation; otherwise says whom to ask. */
export function SignUpScreen({ next, invite }: Props) {
  const api = useApi();
  const { data: session } = useQuery(sessionQuery(api));
  const invitation = useQuery({ ...invitationInfoQuery(api, invite ?? ''), enabled: invite !== null });
  const signedIn = useSignedIn();
  const router = useRouter();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Through an invitation, the document it shares is where the new account goes.
  const destination = invitation.data ? `/d/${encodeURIComponent(invitation.data.documentId)}` : safeNextPath(next);
  const redirect = session?.setupNeeded ? '/setup' : session?.user ? destination : null;
  const invitedEmail = invitation.data?.email;

  useEffect(() => {
    if (redirect) router.replace(redirect);
  }, [redirect, router]);
  useEffect(() => {
    if (invitedEmail) setEmail((typed) => typed || invitedEmail);
  }, [invitedEmail]);

  const { pending, error, form } = useFormAction(
    async () => signedIn(await signUp(api, { name: name.trim(), email: email.trim(), password, ...(invitation.data && invite ? { invite } : {}) })),
    {
      403: invitation.data
        ? `Sign-up is turned off on this Quire: the invitation works only for ${invitation.data.email}.`
        : 'Sign-up is turned off on this Quire. Ask its administrator for an account.',
      409: 'An account with this email already exists. Sign in instead.',
    },
  );

  if (redirect || !session || (invite !== null && invitation.isPending)) return <PageLoading label={redirect ? 'Opening Quire…' : 'Loading…'} />;

  const signInLink = <Link href={withNext('/signin', destination)}>Sign in</Link>;
  const invitationGone = invite !== null && invitation.isError;
  if (!session.allowSignup && !invitation.data) {
    if (invitationGone) {
      return (
        <AuthLayout title="This invitation does not work any more" footer={<>Already have an account? {signInLink}</>}>
          <p>It was cancelled or used already, or it is older than 14 days. Ask the person who invited you for a new link.</p>
        </AuthLayout>
      );
    }
    return (
      <AuthLayout title="Sign-up is turned off" footer={<>Already have an account? {signInLink}</>}>
        <p>This Quire does not let people create their own accounts. Ask its administrator to create one for you.</p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={invitation.data ? 'You are invited' : 'Create an account'} footer={<>Already have an account? {signInLink}</>}>
      {invitation.data ? (
        <p className={styles.invitation}>
          {invitation.data.inviterName} invited <strong>{invitation.data.email}</strong> to {SHARE_ROLE_VERBS[invitation.data.role]}{' '}
          <strong>{invitation.data.documentTitle || 'Untitled'}</strong>. Create your account with this email to open it. The invitation
          works until {formatDate(new Date(invitation.data.expiresAt))}.
        </p>
      ) : invitationGone ? (
        <p className={styles.invitation} role="alert">
          This invitation does not work any more (it was cancelled or used, or it is older than 14 days). You can still create an account;
          ask for a new link to open the document.
        </p>
      ) : null}
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
