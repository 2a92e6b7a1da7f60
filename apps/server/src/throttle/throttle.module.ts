import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { RateLimiters } from './rate-limiters';

/** The counters of the sign-in throttle and the rate limits, in Redis when `REDIS_URL` is set. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimiters,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) =>
        config.redisUrl === undefined ? RateLimiters.inMemory() : RateLimiters.inRedis(config.redisUrl, logger.child({ component: 'limits' })),
    },
  ],
  exports: [RateLimiters],
})
export class ThrottleModule implements OnApplicationShutdown {
  constructor(@Inject(RateLimiters) private readonly limiters: RateLimiters) {}

  async onApplicationShutdown(): Promise<void> {
    await this.limiters.close();
  }
}
