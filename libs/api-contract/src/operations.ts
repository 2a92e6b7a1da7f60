import { z } from 'zod';

/**
 * `GET /health`: readiness. 503 while the database is unreachable or the server stops; Redis down
 * is `degraded` and still 200 (the instance's clients still edit together).
 */
export const HealthAnswer = z.object({
  status: z.enum(['ok', 'degraded', 'unavailable', 'shutting-down']),
  database: z.enum(['ok', 'down']),
  redis: z.enum(['ok', 'down', 'disabled']),
});
export type HealthAnswer = z.infer<typeof HealthAnswer>;

/** `GET /health/live`: the process answers. */
export const LiveAnswer = z.object({ status: z.literal('ok') });
export type LiveAnswer = z.infer<typeof LiveAnswer>;

/** `GET /api/openapi.json`: an OpenAPI 3 document of every route, made from this library's schemas. */
export const OpenApiDocument = z
  .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.unknown()) })
  .passthrough();
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
