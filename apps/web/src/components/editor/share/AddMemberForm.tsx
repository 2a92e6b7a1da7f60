'use client';

import type { CreatedInvitation, ShareRole } from '@quire/api-contract';
import { useState } from 'react';
import { useFormAction } from '../../../hooks/use-form-action';
import { errorStatus } from '../../../lib/api/client';
import { useAddMember, type SharingTarget } from '../../../lib/api/sharing';
import forms from '../../common/forms.module.css';
import { TextField } from '../../common/TextField';
import { InvitationLink } from './InvitationLink';
import { RoleSelect } from './RoleSelect';
import styles from './share.module.css';

/** Adds someone who has an account, by email, as editor or viewer, to a document (its id) or a folder. */
export function AddMemberForm({ documentId: target }: { documentId: string | SharingTarget }) {
  const addMember = useAddMember(target);
  const noun = typeof target === 'string' ? 'document' : target.noun;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ShareRole>('editor');
  const [added, setAdded] = useState<string | null>(null);
  const [invited, setInvited] = useState<CreatedInvitation | null>(null);
  const { pending, error, form } = useFormAction(async () => {
    setAdded(null);
    setInvited(null);
    const address = email.trim();
    if (!address) return 'Enter the email address of their Quire account.';
    try {
      const member = await addMember.mutateAsync({ email: address, role });
      if ('invitation' in member) {
        // No account has this email: an invitation, whose link the owner sends themself.
        setInvited(member);
        setEmail('');
        return;
      }
      setAdded(`${member.user.name} can now ${role === 'editor' ? 'edit' : 'view'} this ${noun}${noun === 'folder' ? ' and everything in it' : ''}.`);
      setEmail('');
    } catch (caught) {
      if (errorStatus(caught) === 404) return `No account uses ${address}. They need to sign up first.`;
      throw caught;
    }
  });

  return (
    <form {...form} className={styles.addForm}>
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
      {invited ? <InvitationLink invitation={invited} /> : null}
    </form>
  );
}
