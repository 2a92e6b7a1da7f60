import { SetMetadata } from '@nestjs/common';

export const ALLOW_CROSS_SITE = 'quire:allow-cross-site';

/**
 * Lets a state-changing route be called from any origin, opting out of {@link CrossSiteGuard}.
 * Only for a route that acts for nobody and changes nothing anyone owns; no route needs it today.
 */
export const AllowCrossSite = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOW_CROSS_SITE, true);
