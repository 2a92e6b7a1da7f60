/** QUIRE_SERVER_URL, read at request time on the server; null when unset. */
export function configuredServerUrl(): string | null {
  const value = process.env['QUIRE_SERVER_URL']?.trim();
  return value ? value : null;
}
