'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useApi } from '../../lib/api/api-context';
import { documentFolderQuery } from '../../lib/api/folders';
import { folderHref } from './folder-tree';
import styles from './folders.module.css';

/**
 * The editor header's folder path: each folder above the document (as far up as the person may
 * see) a link to its view on the home page. Nothing at the top level.
 */
export function FolderBreadcrumbs({ documentId }: { documentId: string }) {
  const api = useApi();
  const { data } = useQuery(documentFolderQuery(api, documentId));
  if (!data || data.path.length === 0) return null;
  return (
    <nav aria-label="Folder" className={`${styles.crumbs} ${styles.editorCrumbs}`}>
      <ol>
        {data.path.map((folder) => (
          <li key={folder.id}>
            <Link href={folderHref(folder.id)}>{folder.name}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
