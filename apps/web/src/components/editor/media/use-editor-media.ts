'use client';

import type { MentionCandidate } from '@quire/editor';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../../lib/api/api-context';
import { fileUrl } from '../../../lib/api/files';
import { fileInputProps } from './file-input-props';
import { LiveMap } from './live-map';
import type { MediaContext, UploadStatus } from './media-context';
import { buildNodeViews } from './node-views';
import type { UploadHost } from './upload-files';

/** A member of the document, as the page knows them. */
export interface DocumentPerson {
  id: string;
  name: string;
  email?: string;
  /** Where their access comes from when it is not their own membership ("via folder Team"). */
  via?: string;
}

interface Options {
  documentId: string;
  /** A guest's file token (from their ticket); members' files come with their session cookie. */
  fileToken?: () => string | null;
  members?: readonly DocumentPerson[];
  onError: (message: string) => void;
  onImageUploaded: (src: string) => void;
}

/**
 * What the editor needs for files and people: node views that load files from the server and show
 * members' current names, file paste and drop, the upload host and the `@` menu's candidates. Made
 * once per page; the changing parts (members, callbacks) are read through refs.
 */
export function useEditorMedia({ documentId, fileToken, members, onError, onImageUploaded }: Options) {
  const api = useApi();
  const [uploads] = useState(() => new LiveMap<UploadStatus>());
  const [people] = useState(() => new LiveMap<string>());
  const latest = useRef({ fileToken, members, onError, onImageUploaded, documentId });

  useEffect(() => {
    latest.current = { fileToken, members, onError, onImageUploaded, documentId };
    people.replace((members ?? []).map((person) => [person.id, person.name]));
  }, [fileToken, members, onError, onImageUploaded, documentId, people]);

  return useMemo(() => {
    const context: MediaContext = {
      fileUrl: (src) => fileUrl(api.serverUrl, src, latest.current.fileToken?.() ?? null),
      uploads,
      people,
    };
    const uploadHost: UploadHost = {
      api,
      get documentId() {
        return latest.current.documentId;
      },
      uploads,
      onError: (message) => latest.current.onError(message),
      onImageUploaded: (src) => latest.current.onImageUploaded(src),
    };
    const mentionCandidates = (): MentionCandidate[] =>
      (latest.current.members ?? []).map((person) => ({ id: person.id, label: person.name, ...(person.email ? { detail: person.email } : {}) }));
    return { uploadHost, mentionCandidates, nodeViews: buildNodeViews(context), ...fileInputProps(() => uploadHost) };
  }, [api, uploads, people]);
}
