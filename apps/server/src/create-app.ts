import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { CollabWsAdapter } from './collab/collab-ws.adapter';
import { parsedAsJson } from './content/json-body-routes';
import type { AppConfig } from './config/config.schema';
import { securityHeaders } from './http/security-headers';
import { PinoNestLogger } from './logging/logger';

/** The server as Nest builds it, with its HTTP edge and its WebSocket adapter, not yet listening. */
export async function createApp(config: AppConfig, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  // Express announces itself in X-Powered-By; nobody needs to know what the server runs.
  app.disable('x-powered-by');
  app.use(securityHeaders);
  // Registered before Nest's own (which it then leaves out): the content routes read their JSON bodies themselves.
  app.useBodyParser('json', { type: parsedAsJson });
  // Credentials: the web app (another port in development) calls the API with its session cookie.
  app.enableCors({ origin: [...config.allowedOrigins], credentials: true });
  app.useWebSocketAdapter(app.get(CollabWsAdapter));
  return app;
}
