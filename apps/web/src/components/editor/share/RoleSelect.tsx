'use client';

import type { ShareRole } from '@quire/api-contract';
import { useId } from 'react';
import forms from '../../common/forms.module.css';

export const SHARE_ROLE_LABELS: Record<ShareRole, string> = { editor: 'Can edit', commenter: 'Can comment', viewer: 'Can view' };

interface Props {
  label: string;
  /** Hide the label visually (rows where the context says it). */
  hideLabel?: boolean;
  value: ShareRole;
  onChange: (role: ShareRole) => void;
  disabled?: boolean;
}

/** Editor, commenter or viewer, as a native select. */
export function RoleSelect({ label, hideLabel = false, value, onChange, disabled }: Props) {
  const id = useId();
  return (
    <div className={forms.field}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : forms.label}>
        {label}
      </label>
      <select id={id} className={forms.input} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as ShareRole)}>
        <option value="editor">{SHARE_ROLE_LABELS.editor}</option>
        <option value="commenter">{SHARE_ROLE_LABELS.commenter}</option>
        <option value="viewer">{SHARE_ROLE_LABELS.viewer}</option>
      </select>
    </div>
  );
}
