import { randomBytes } from 'node:crypto';

/** A new random document id: 16 base64url characters (96 bits), within DESIGN.md's id alphabet. */
export function newDocumentId(): string {
  return randomBytes(12).toString('base64url');
}
