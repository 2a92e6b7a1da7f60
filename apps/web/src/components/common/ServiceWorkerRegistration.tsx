'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { keepPageForOffline, registerServiceWorker } from '../../lib/service-worker';

/**
 * Registers the service worker once per load and keeps the pages a person opens for the times the
 * network is gone: the documents list, and each document page as it is reached.
 */
export function ServiceWorkerRegistration() {
  const pathname = usePathname();
  const firstPage = useRef(true);
  useEffect(() => {
    void registerServiceWorker();
    void keepPageForOffline('/', { ifMissing: true });
  }, []);
  useEffect(() => {
    // A load the worker served is kept by the worker itself; pages reached inside the app are not.
    const keptByWorker = firstPage.current && navigator.serviceWorker?.controller != null;
    firstPage.current = false;
    if (!keptByWorker) void keepPageForOffline(pathname);
  }, [pathname]);
  return null;
}
