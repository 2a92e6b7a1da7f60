'use client';

import { friendlyDefaultName, loadIdentity, saveName, type IdentityStorage, type StoredIdentity } from '@quire/editor';
import { useCallback, useEffect, useState } from 'react';

/** localStorage, or a memory stand-in where the browser refuses it (some private modes). */
function storage(): IdentityStorage {
  try {
    const probe = '__quire_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) };
  }
}

export interface IdentityApi {
  /** Null until read from storage (not at all during server rendering). */
  identity: StoredIdentity | null;
  /** A friendly name to offer, and to use until one is chosen. */
  suggestedName: string;
  /** Stores a new name; false when it is empty after tidying. */
  chooseName: (name: string) => boolean;
}

/**
 * The name a guest chose for viewer links, remembered in this browser's localStorage (people with
 * accounts use their account's name; the server gives guests their id with each ticket).
 */
export function useIdentity(): IdentityApi {
  const [identity, setIdentity] = useState<StoredIdentity | null>(null);
  const [suggestedName, setSuggestedName] = useState('');

  useEffect(() => {
    setIdentity(loadIdentity(storage()));
    setSuggestedName(friendlyDefaultName());
  }, []);

  const chooseName = useCallback(
    (name: string) => {
      if (!identity) return false;
      const next = saveName(storage(), identity, name);
      if (next) setIdentity(next);
      return next !== null;
    },
    [identity],
  );

  return { identity, suggestedName, chooseName };
}
