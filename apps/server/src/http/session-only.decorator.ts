import { SetMetadata } from '@nestjs/common';

export const SESSION_ONLY = 'quire:session-only';

/**
 * The route (or every route of the controller) takes a browser session only: an API token is
 * refused with 403. For administration and for every route that yields a credential or a password,
 * so that a leaked token cannot mint more power (a new token, a password, a session).
 */
export const SessionOnly = (): MethodDecorator & ClassDecorator => SetMetadata(SESSION_ONLY, true);
