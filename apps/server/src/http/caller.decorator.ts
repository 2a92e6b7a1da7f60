import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../auth/principal';

/** A request once {@link CallerGuard} has found who made it (as Passport keeps `request.user`). */
export interface CallerRequest extends IncomingMessage {
  caller?: Principal;
}

/**
 * The handler's parameter for who made the request: a `Principal`, or `Principal | undefined` on
 * a route marked `@AllowAnonymous()`.
 */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<CallerRequest>().caller);
