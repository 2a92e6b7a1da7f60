'use client';

import type { FolderView } from '@quire/api-contract';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import { buildFolderTree, flattenTree } from './folder-tree';

const TOP_LEVEL = '';

interface Props {
  open: boolean;
  /** What is moved, for the title: “Move “Plans” to…”. */
  name: string;
  /** The folders it may go to: the caller's own (the server refuses others). */
  folders: readonly FolderView[];
  /** Folders it may not go into (a folder itself and those under it). */
  excluded?: ReadonlySet<string>;
  /** Where it is now (null: the top level). */
  current: string | null;
  onMove: (folderId: string | null) => Promise<void>;
  onCancel: () => void;
}

/** The keyboard way to move a document or folder (dragging is the other): a list of places. */
export function MoveToDialog({ open, name, folders, excluded = new Set(), current, onMove, onCancel }: Props) {
  const [choice, setChoice] = useState(current ?? TOP_LEVEL);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const selectId = useId();
  const places = flattenTree(buildFolderTree(folders.filter((folder) => folder.role === 'owner'))).filter((node) => !excluded.has(node.folder.id));

  useEffect(() => {
    if (!open) return;
    setChoice(current ?? TOP_LEVEL);
    setError(null);
    setPending(false);
  }, [open, current]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    try {
      await onMove(choice === TOP_LEVEL ? null : choice);
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <Dialog open={open} title={`Move “${name}” to…`} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <div className={forms.field}>
          <label htmlFor={selectId} className={forms.label}>
            Folder
          </label>
          <select id={selectId} className={forms.input} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value={TOP_LEVEL}>Top level (no folder)</option>
            {places.map(({ folder, depth }) => (
              <option key={folder.id} value={folder.id}>
                {`${'\u2003'.repeat(depth)}${folder.name}`}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.actions}>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {pending ? 'Moving…' : 'Move'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
