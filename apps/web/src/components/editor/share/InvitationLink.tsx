'use client';

import type { CreatedInvitation } from '@quire/api-contract';
import { useId } from 'react';
import { invitationUrl } from '../../../lib/api/people';
import { CopyButton } from '../../common/CopyButton';
import forms from '../../common/forms.module.css';
import styles from './share.module.css';

/**
 * The sign-up link of an invitation just made. Quire sends no mail, so the owner copies it and sends
 * it themself; it is shown this once (the server keeps only its digest).
 */
export function InvitationLink({ invitation }: { invitation: CreatedInvitation }) {
  const fieldId = useId();
  const url = invitationUrl(invitation.link);
  return (
    <div className={styles.invitationLink} role="group" aria-labelledby={`${fieldId}-title`}>
      <p id={`${fieldId}-title`} className={styles.explain}>
        No account uses <strong>{invitation.invitation.email}</strong> yet, so Quire made an invitation. Quire sends no email: copy this
        link and send it to them yourself. When they sign up with this email (through the link or not) they get access. The link works for 14
        days and is shown only now.
      </p>
      <div className={forms.inline}>
        <div className={forms.field}>
          <label htmlFor={fieldId} className={forms.label}>
            Invitation link
          </label>
          <input id={fieldId} className={forms.input} value={url} readOnly onFocus={(event) => event.target.select()} />
        </div>
        <CopyButton text={url} label="Copy" ariaLabel="Copy the invitation link" copiedMessage="Invitation link copied to the clipboard" />
      </div>
    </div>
  );
}
