/**
 * A refusal the HTTP layer turns into `{ statusCode, message }`; the message tells the person what
 * to do. Thrown by the plain-TypeScript account services, which know nothing of Nest.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what = 'document') =>
  new AuthError(404, `No such ${what}, or you do not have access to it`);
