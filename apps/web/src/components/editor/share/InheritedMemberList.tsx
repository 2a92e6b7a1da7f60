'use client';

import type { InheritedMemberView, Role } from '@quire/api-contract';
import { viaFolder } from './mentionable-people';
import styles from './share.module.css';

const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', editor: 'Can edit', commenter: 'Can comment', viewer: 'Can view' };

/**
 * The people who reach the document through a folder above it, read-only: their role is the
 * folder's, changed in the folder's own sharing, so each says which folder it comes from.
 */
export function InheritedMemberList({ inherited }: { inherited: readonly InheritedMemberView[] }) {
  if (inherited.length === 0) return null;
  return (
    <>
      <p className={styles.explain}>Through folders. To change these, share the folder instead.</p>
      <ul className={styles.list} aria-label="People with access through folders">
        {inherited.map((member) => (
          <li key={member.user.id} className={styles.item}>
            <span className={styles.person}>
              <span className={styles.name}>{member.user.name}</span>
              <span className={styles.email}>{member.user.email}</span>
            </span>
            <span className={styles.inheritedRole}>
              {ROLE_LABELS[member.role]}, {viaFolder(member.folder)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
