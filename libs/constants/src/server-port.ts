/**
 * Port of the collaboration server when the web app is not told its address (QUIRE_SERVER_URL):
 * pages connect to their own host on this port, and the page's Content-Security-Policy allows it.
 */
export const DEFAULT_SERVER_PORT = 4000;
