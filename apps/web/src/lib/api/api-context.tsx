'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { sessionKey } from './auth';
import { ApiClient } from './client';
import { createQueryClient } from './query-client';

const ApiContext = createContext<ApiClient | null>(null);

interface Props {
  /** QUIRE_SERVER_URL, read per request by the root layout; null: this host on port 4000. */
  configuredServerUrl: string | null;
  children: ReactNode;
}

/**
 * The API client and the query cache of every page. A 401 from any call reads the session again:
 * pages that watch it (`RequireAccount`) go to sign-in once it has ended.
 */
export function ApiProvider({ configuredServerUrl, children }: Props) {
  const [queryClient] = useState(createQueryClient);
  const [api] = useState(() => new ApiClient(configuredServerUrl, () => void queryClient.invalidateQueries({ queryKey: sessionKey })));
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
    </QueryClientProvider>
  );
}

/** The API client of the page (inside `ApiProvider`). */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be called inside <ApiProvider>');
  return api;
}
