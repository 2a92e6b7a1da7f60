'use client';

import { useState, type FormEvent } from 'react';
import { addMember } from '../../../lib/api/sharing';
import { errorStatus } from '../../../lib/api/request';
import type { Member, ShareRole } from '../../../lib/api/types';
import forms from '../../common/forms.module.css';
import { TextField } from '../../common/TextField';
import { RoleSelect } from './RoleSelect';
import styles from './share.module.css';

interface Props {
  serverUrl: string;
  documentId: string;
  onAdded: (member: Member) => void;
}

/** Adds someone who has an account, by email, as editor or viewer. */
export function AddMemberForm({ serverUrl, documentId, onAdded }: Props) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ShareRole>('editor');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const address = email.trim();
    if (!address) {
      setError('Enter the email address of their Quire account.');
      return;
    }
    setPending(true);
    setError(null);
    setAdded(null);
    try {
      const member = await addMember(serverUrl, documentId, address, role);
      onAdded(member);
      setAdded(`${member.user.name} can now ${role === 'editor' ? 'edit' : 'view'} this document.`);
      setEmail('');
    } catch (caught) {
      setError(errorStatus(caught) === 404 ? `No account uses ${address}. They need to sign up first.` : (caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className={styles.addForm}>
      <div className={styles.addFields}>
        <TextField label="Add people by email" type="email" value={email} onChange={setEmail} autoComplete="off" error={error} />
        <RoleSelect label="Their role" value={role} onChange={setRole} />
        <button type="submit" className={`button button--primary ${styles.addButton}`} aria-disabled={pending}>
          {pending ? 'Adding…' : 'Add'}
        </button>
      </div>
      <p role="status" className={forms.success}>
        {added}
      </p>
    </form>
  );
}
