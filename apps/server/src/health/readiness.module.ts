import { Global, Module } from '@nestjs/common';
import { ReadinessService } from './readiness.service';

/** Readiness is read by health checks and set by whatever begins a shutdown. */
@Global()
@Module({ providers: [ReadinessService], exports: [ReadinessService] })
export class ReadinessModule {}
