import { SetMetadata } from '@nestjs/common';

export const ALLOW_ANONYMOUS = 'quire:allow-anonymous';

/**
 * The route (or every route of the controller) answers callers who are not signed in too; its
 * `@Caller()` is then `Principal | undefined`. Without it, {@link CallerGuard} answers them 401.
 */
export const AllowAnonymous = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOW_ANONYMOUS, true);
