import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BusModule } from './bus/bus.module';
import { CollabModule } from './collab/collab.module';
import { CommentsModule } from './comments/comments.module';
import { ContentModule } from './content/content.module';
import { APP_CONFIG } from './config/app-config.token';
import type { AppConfig } from './config/config.schema';
import { DocumentsModule } from './documents/documents.module';
import { FilesModule } from './files/files.module';
import { FoldersModule } from './folders/folders.module';
import { PeopleModule } from './people/people.module';
import { HealthModule } from './health/health.module';
import { HttpEdgeModule } from './http/http-edge.module';
import { ReadinessModule } from './health/readiness.module';
import { LOGGER } from './logging/logger';
import { MetricsModule } from './metrics/metrics.module';
import { OpenApiModule } from './openapi/openapi.module';
import { SearchModule } from './search/search.module';
import { StorageModule } from './storage/storage.module';
import { ThrottleModule } from './throttle/throttle.module';
import { VersionsModule } from './versions/versions.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Configuration and the logger, made once in `main` and available everywhere. */
@Global()
@Module({})
class CoreProvidersModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: CoreProvidersModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, LOGGER],
    };
  }
}

/** The collaboration server: storage, the bus, the collaboration gateway, the documents and files API, its OpenAPI document and health. */
@Module({})
export class AppModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreProvidersModule.register(config, logger),
        ReadinessModule,
        MetricsModule,
        StorageModule,
        ThrottleModule,
        AuthModule,
        AuditModule,
        HttpEdgeModule,
        BusModule,
        CollabModule,
        HealthModule,
        DocumentsModule,
        VersionsModule,
        SearchModule,
        CommentsModule,
        ContentModule,
        FilesModule,
        WebhooksModule,
        FoldersModule,
        PeopleModule,
        OpenApiModule,
      ],
    };
  }
}
