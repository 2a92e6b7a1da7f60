import { Global, Module } from '@nestjs/common';
import { SecurityEvents } from './security-events';

/** The security-event recorder, for every controller that changes who may do what. */
@Global()
@Module({ providers: [SecurityEvents], exports: [SecurityEvents] })
export class AuditModule {}
