'use client';

import { createContext, useContext } from 'react';

/**
 * Asks the page's `RequireAccount` to read the session again. Given to everything under it, so
 * that an API call refused with 401 (the session expired, or was ended by a password change on
 * another device) sends the person to sign in rather than leaving an error on the page.
 * Outside a `RequireAccount` (sign-in, share links) it does nothing.
 */
export const SessionCheckContext = createContext<() => void>(() => undefined);

export function useSessionCheck(): () => void {
  return useContext(SessionCheckContext);
}
