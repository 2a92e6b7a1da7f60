import { PAGE_CACHE, isKeptPage } from '../../service-worker/page-cache';

/**
 * The page's side of the service worker (service-worker/sw.ts, docs/offline.md): registered in
 * production builds only (`next dev` rebuilds chunks all the time, and the profiling build used by
 * the render-count tests has no worker of its own).
 */
export const serviceWorkerEnabled =
  process.env.NODE_ENV === 'production' && process.env.QUIRE_SERVICE_WORKER !== 'off';

function supported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof caches !== 'undefined';
}

export async function registerServiceWorker(): Promise<void> {
  if (!serviceWorkerEnabled || !supported()) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch (error) {
    // The app works as before without it, only not with the network gone.
    console.warn('Quire: the service worker could not be registered, so pages will not open offline.', error);
  }
}

/**
 * Keeps this page's HTML for opening with no network. The worker keeps every page it serves from
 * the network, but a page reached inside the app (a link to a document) loads no HTML at all:
 * fetched here once, in the background, after the worker is ready.
 */
export async function keepPageForOffline(pathname: string, { ifMissing = false } = {}): Promise<void> {
  if (!serviceWorkerEnabled || !supported() || !isKeptPage(pathname) || !navigator.onLine) return;
  try {
    await navigator.serviceWorker.ready;
    if (ifMissing && (await caches.match(pathname, { cacheName: PAGE_CACHE }))) return;
    const response = await fetch(pathname, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    if (!response.ok || response.redirected || !response.headers.get('content-type')?.includes('text/html')) return;
    const cache = await caches.open(PAGE_CACHE);
    await cache.put(pathname, response);
  } catch {
    // Offline or storage refused: the page is simply not kept.
  }
}

/** Signing out: no page of this account stays on the device. */
export async function forgetKeptPages(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(PAGE_CACHE).catch(() => false);
}
