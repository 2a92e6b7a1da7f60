'use client';

import type { MemberView, ShareRole } from '@quire/api-contract';
import { useState } from 'react';
import { useChangeMemberRole, useRemoveMember, type SharingTarget } from '../../../lib/api/sharing';
import { RoleSelect } from './RoleSelect';
import styles from './share.module.css';

interface Props {
  /** A document's id, or a folder (its members reach everything in it). */
  documentId: string | SharingTarget;
  members: MemberView[];
}

/** Who has access: the owner, then members whose role the owner changes or removes. */
export function MemberList({ documentId: target, members }: Props) {
  const changeRole = useChangeMemberRole(target);
  const removeMember = useRemoveMember(target);
  const [error, setError] = useState<string | null>(null);

  async function setRole(member: MemberView, role: ShareRole) {
    setError(null);
    try {
      await changeRole.mutateAsync({ userId: member.user.id, role });
    } catch (caught) {
      setError(`Could not change ${member.user.name}’s role: ${(caught as Error).message}`);
    }
  }

  async function remove(member: MemberView) {
    setError(null);
    try {
      await removeMember.mutateAsync(member.user.id);
    } catch (caught) {
      setError(`Could not remove ${member.user.name}: ${(caught as Error).message}`);
    }
  }

  return (
    <>
      <ul className={styles.list} aria-label="People with access">
        {members.map((member) => (
          <li key={member.user.id} className={styles.item}>
            <span className={styles.person}>
              <span className={styles.name}>{member.user.name}</span>
              <span className={styles.email}>{member.user.email}</span>
            </span>
            {member.role === 'owner' ? (
              <span className={styles.ownerTag}>Owner</span>
            ) : (
              <span className={styles.controls}>
                <RoleSelect label={`Role of ${member.user.name}`} hideLabel value={member.role} onChange={(role) => setRole(member, role)} />
                <button type="button" className="button button--quiet" onClick={() => remove(member)}>
                  Remove<span className="visually-hidden"> {member.user.name}</span>
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <div role="alert">{error ? <p className={styles.error}>{error}</p> : null}</div>
    </>
  );
}
