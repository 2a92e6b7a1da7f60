import 'reflect-metadata';
import { dirname } from 'node:path';
import { ConfigError, parseConfig, type AppConfig } from './config/config.schema';
import { createApp } from './create-app';
import { createLogger } from './logging/logger';
import { warnIfOthersCanRead } from './storage/private-directories';

/** A graceful stop must finish within this; past it the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000;

function loadConfigOrExit(): AppConfig {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  warnIfOthersCanRead([config.dataDir, ...(config.database.kind === 'sqlite' && config.database.path !== ':memory:' ? [dirname(config.database.path)] : [])], logger);
  const app = await createApp(config, logger);
  // Our own signal handling rather than enableShutdownHooks: Nest re-raises the signal after
  // closing, which ends the process before the last log lines are written and exits non-zero.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error({ signal }, `Shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
        logger.flush();
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      logger.info({ signal }, `Received ${signal}: stopping gracefully`);
      app.close().then(
        () => {
          logger.info('Quire collaboration server stopped');
          logger.flush(() => process.exit(0));
        },
        (error: unknown) => {
          logger.error({ err: error }, 'Graceful shutdown failed');
          logger.flush(() => process.exit(1));
        },
      );
    });
  }
  // Only when an operator started Node with --expose-gc (the soak test does): a forced collection
  // on SIGUSR2 lets a heap reading show what is really retained.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') {
    process.on('SIGUSR2', () => {
      gc();
      logger.info({ heapUsed: process.memoryUsage().heapUsed }, 'Garbage collected on SIGUSR2');
    });
  }
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { host: config.host, port, database: config.database.kind },
    `Quire collaboration server ready on http://${config.host}:${port} (WebSocket ws://${config.host}:${port}/collab/<documentId>)`,
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Quire server failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
