'use client';

import { useCallback, useId, useRef, useState } from 'react';
import { useApi } from '../../../lib/api/api-context';
import { isUnreachable } from '../../../lib/api/client';
import { download, exportContent, exportMarkdown, fileNameOf } from '../../../lib/api/content';
import styles from './export-menu.module.css';
import { useDisclosureDismiss } from '../../../hooks/use-disclosure-dismiss';

type Choice = 'markdown' | 'html' | 'text' | 'print';

/**
 * The editor's Export button: Markdown (a zip with the document's images when it has some), a
 * standalone HTML file (its images embedded, styles inline), plain text, and Print / Save
 * as PDF through the browser's print dialog with the print stylesheet (no toolbars, page
 * margins, headings kept with what follows). The files come from the server's export of the
 * stored document (docs/api.md, "Content"). A disclosure like the account menu: Escape, a click
 * elsewhere or focus leaving it closes it.
 */
export function ExportMenu({ documentId, title }: { documentId: string; title: string }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Choice | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const closeMenu = useCallback(() => setOpen(false), []);

  useDisclosureDismiss(open, closeMenu, root, trigger);

  async function choose(choice: Choice) {
    if (busy) return;
    setOpen(false);
    trigger.current?.focus();
    if (choice === 'print') {
      window.print();
      return;
    }
    setBusy(choice);
    setStatus(null);
    try {
      if (choice === 'markdown') {
        const exported = await exportMarkdown(api, documentId);
        download(exported.blob, fileNameOf(title, exported.extension));
        const images = exported.images > 0 ? ` with ${exported.images} image${exported.images === 1 ? '' : 's'} in a zip` : '';
        const missing = exported.missing > 0 ? `; ${exported.missing} image${exported.missing === 1 ? '' : 's'} could not be fetched and stay linked to this server` : '';
        setStatus({ text: `Exported as Markdown${images}${missing}.`, error: false });
      } else {
        const body = await exportContent(api, documentId, choice);
        download(new Blob([body], { type: choice === 'html' ? 'text/html' : 'text/plain' }), fileNameOf(title, choice === 'html' ? 'html' : 'txt'));
        setStatus({ text: `Exported as ${choice === 'html' ? 'HTML' : 'plain text'}.`, error: false });
      }
    } catch (error) {
      setStatus({ text: isUnreachable(error) ? 'Could not export: the server is not answering. Try again in a moment.' : `Could not export: ${(error as Error).message}`, error: true });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div ref={root} className={styles.root}>
      <button ref={trigger} type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((was) => !was)} aria-disabled={busy !== null}>
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open ? (
        <div id={panelId} className={styles.panel}>
          <button type="button" className={styles.item} onClick={() => void choose('markdown')}>
            <span className={styles.label}>Markdown</span>
            <span className={styles.hint}>.md, in a zip with its images</span>
          </button>
          <button type="button" className={styles.item} onClick={() => void choose('html')}>
            <span className={styles.label}>HTML</span>
            <span className={styles.hint}>one file, with its images</span>
          </button>
          <button type="button" className={styles.item} onClick={() => void choose('text')}>
            <span className={styles.label}>Plain text</span>
            <span className={styles.hint}>.txt, one line per paragraph</span>
          </button>
          <button type="button" className={styles.item} onClick={() => void choose('print')}>
            <span className={styles.label}>Print or save as PDF</span>
            <span className={styles.hint}>the page without its toolbars</span>
          </button>
        </div>
      ) : null}
      <p className={status?.error ? styles.error : 'visually-hidden'} role={status?.error ? 'alert' : 'status'}>
        {status?.text ?? ''}
      </p>
    </div>
  );
}
