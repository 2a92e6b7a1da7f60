'use client';

import { useState } from 'react';
import { changeMemberRole, removeMember } from '../../../lib/api/sharing';
import type { Member, ShareRole } from '../../../lib/api/types';
import { RoleSelect } from './RoleSelect';
import styles from './share.module.css';

interface Props {
  serverUrl: string;
  documentId: string;
  members: Member[];
  /** Replaces the list after a confirmed change. */
  onChange: (members: Member[]) => void;
}

/** Who has access: the owner, then members whose role the owner changes or removes. */
export function MemberList({ serverUrl, documentId, members, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);

  async function setRole(member: Member, role: ShareRole) {
    setError(null);
    try {
      const updated = await changeMemberRole(serverUrl, documentId, member.user.id, role);
      onChange(members.map((m) => (m.user.id === member.user.id ? { ...m, role: updated.role } : m)));
    } catch (caught) {
      setError(`Could not change ${member.user.name}’s role: ${(caught as Error).message}`);
    }
  }

  async function remove(member: Member) {
    setError(null);
    try {
      await removeMember(serverUrl, documentId, member.user.id);
      onChange(members.filter((m) => m.user.id !== member.user.id));
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
