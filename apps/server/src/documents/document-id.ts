import { randomBytes } from 'node:crypto';

/** A new random document id: 16 base64url characters (96 bits), within the id alphabet of docs/architecture.md. */
export function newDocumentId(): string {
  return randomBytes(12).toString('base64url');
}
