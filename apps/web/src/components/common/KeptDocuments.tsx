'use client';

import { keptDocuments, type KeptDocument } from '@quire/editor';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import styles from './kept-documents.module.css';

/**
 * The documents `userId` keeps on this device, while the server cannot say which documents there
 * are: each opens from its copy here and can be edited, and is sent when the server is back.
 */
export function KeptDocuments({ userId }: { userId: string }) {
  const [kept, setKept] = useState<KeptDocument[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    keptDocuments(userId)
      .then((documents) => !cancelled && setKept(documents))
      .catch(() => !cancelled && setKept([]));
    return () => {
      cancelled = true;
    };
  }, [userId]);
  if (!kept || kept.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="kept-documents-title">
      <h2 id="kept-documents-title" className={styles.title}>
        On this device
      </h2>
      <p className={styles.hint}>These documents are kept in this browser: they open and can be edited now, and your changes are sent when the server is back.</p>
      <ul className={styles.list}>
        {kept.map((document) => (
          <li key={document.documentId} className={styles.item}>
            <Link href={`/d/${document.documentId}`}>{document.title || 'Untitled document'}</Link>
            <span className={styles.mark}>{document.unsaved > 0 ? `On this device · ${document.unsaved} unsent ${document.unsaved === 1 ? 'change' : 'changes'}` : 'On this device'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
