'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { sessionQuery } from '../../lib/api/auth';
import { Dialog } from '../common/Dialog';
import { isSearchShortcut, OPEN_SEARCH_EVENT } from './search-events';
import { SearchPanel } from './SearchPanel';
import styles from './search.module.css';

/**
 * The search dialog of every page, for a signed-in person: Ctrl/⌘+K or a Search button opens it,
 * results come as they type, Escape or opening a result closes it. Mounted once, in the layout.
 */
export function SearchDialog() {
  const api = useApi();
  const { data: session } = useQuery({ ...sessionQuery(api), retry: false });
  const signedIn = Boolean(session?.user);
  const [open, setOpen] = useState(false);
  // A fresh field each time it opens.
  const [generation, setGeneration] = useState(0);
  const pathname = usePathname();

  useEffect(() => {
    if (!signedIn) return undefined;
    const show = () => {
      setGeneration((value) => value + 1);
      setOpen(true);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, show);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, show);
    };
  }, [signedIn]);

  // Opening a result navigates: the dialog closes with the page it was opened on.
  useEffect(() => setOpen(false), [pathname]);

  if (!signedIn) return null;
  return (
    <Dialog open={open} title="Search" onCancel={() => setOpen(false)} wide>
      <div className={styles.dialogBody}>
        {open ? <SearchPanel key={generation} label="Search every document you can open" autoFocus onOpen={() => setOpen(false)} onEscape={() => setOpen(false)} /> : null}
      </div>
    </Dialog>
  );
}
