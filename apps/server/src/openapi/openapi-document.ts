import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig, type ZodMediaTypeObject } from '@asteasolutions/zod-to-openapi';
import * as contract from '@quire/api-contract';
import { API_ROUTES, ErrorBody, type ApiRoute } from '@quire/api-contract';
import { z, type ZodTypeAny } from 'zod';
import { SESSION_COOKIE } from '../auth/request-credentials';

/** The version of the API the document describes; a change that breaks clients would make it 2. */
export const API_VERSION = '1';

/**
 * The OpenAPI 3.1 document of `routes`, made from their schemas in `@quire/api-contract`: every
 * schema the library exports is a named component, and each route says who may call it, what it
 * takes and what it answers, refusals included (each with the API's `{ statusCode, message }`).
 */
export function openApiDocument(routes: readonly ApiRoute[] = API_ROUTES): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  // The generator keeps names and metadata in `.openapi()`, which this adds to zod's types.
  extendZodWithOpenApi(z);
  const registry = new OpenAPIRegistry();
  const named = new Map<ZodTypeAny, ZodTypeAny>();
  for (const [name, value] of Object.entries(contract)) {
    if (value instanceof z.ZodType) named.set(value, registry.register(name, value));
  }
  const schema = (value: ZodTypeAny) => named.get(value) ?? value;
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'A personal API token, qt_…' });
  for (const route of routes) registry.registerPath(operation(route, schema));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Quire', version: API_VERSION, description: 'The HTTP API of a Quire server (docs/api.md in the repository).' },
  });
}

function operation(route: ApiRoute, schema: (value: ZodTypeAny) => ZodTypeAny): RouteConfig {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path.replace(/:(\w+)/g, '{$1}'),
    tags: [route.group],
    summary: route.summary,
    security: route.caller === 'anyone' ? [] : route.caller === 'session' ? [{ session: [] }] : [{ session: [] }, { bearer: [] }],
    request: {
      ...(params.length > 0 ? { params: z.object(Object.fromEntries(params.map((name) => [name, z.string()]))) } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.body ? { body: { required: true, content: { 'application/json': { schema: schema(route.body) } } } } : {}),
      ...(route.upload || route.rawBody ? { body: { required: true, content: { ...uploadContent(route), ...rawContent(route) } } } : {}),
    },
    responses: {
      [route.status]: {
        description: route.textAnswer ? `${route.summary}; text/plain ${route.textAnswer}` : route.summary,
        ...(route.answer ? { content: answerContent(route, schema) } : {}),
      },
      ...refusals(route, schema(ErrorBody)),
    },
  };
}

/** A zod schema, or a plain OpenAPI one where zod has no word for it (bytes). */
type MediaSchema = ZodMediaTypeObject['schema'];

/** The multipart/form-data of a route that takes an upload. */
function uploadContent(route: ApiRoute): Record<string, { schema: MediaSchema }> {
  return route.upload ? { 'multipart/form-data': { schema: uploadForm(route.upload.field) } } : {};
}

/** A body read whole, in each media type it may come in (JSON among them: a document's ProseMirror JSON). */
function rawContent(route: ApiRoute): Record<string, { schema: MediaSchema }> {
  const binary = (type: string) => !type.startsWith('text/') && type !== 'application/json';
  return Object.fromEntries((route.rawBody ?? []).map((type) => [type, { schema: binary(type) ? { type: 'string', format: 'binary' } : { type: 'string' } }]));
}

/** A multipart/form-data body with one required file, in `field`. */
function uploadForm(field: string): MediaSchema {
  return { type: 'object', required: [field], properties: { [field]: { type: 'string', format: 'binary' } } };
}

/** What success carries, by media type: JSON (and text, for a route that may answer either), text, or a file's bytes. */
function answerContent(route: ApiRoute, schema: (value: ZodTypeAny) => ZodTypeAny): Record<string, { schema: MediaSchema }> {
  const content: Record<string, { schema: MediaSchema }> = { [route.answerType ?? 'application/json']: { schema: answerSchema(route, schema) } };
  if (route.textAnswer) content['text/plain'] = { schema: z.string() };
  for (const type of route.formats ?? []) content[type] = { schema: z.string() };
  return content;
}

/** What success carries: a named schema, or bytes for a route that answers a stored file. */
function answerSchema(route: ApiRoute, schema: (value: ZodTypeAny) => ZodTypeAny): MediaSchema {
  return route.answerType === '*/*' ? { type: 'string', format: 'binary' } : schema(route.answer as ZodTypeAny);
}

/** The refusals a route may answer: those that follow from what it takes and who may call it, and its own. */
function refusals(route: ApiRoute, errorBody: ZodTypeAny): RouteConfig['responses'] {
  const reasons = new Map<number, string[]>();
  const add = (status: number, reason: string) => reasons.set(status, [...(reasons.get(status) ?? []), reason]);
  if (route.body) add(400, 'the body is not valid (the message lists every problem)');
  if (route.upload) add(400, 'the form is not valid (the message says what is wrong)');
  if (route.caller !== 'anyone') add(401, 'nobody is signed in');
  if (route.caller === 'session') add(403, 'an API token: this route takes a browser session only');
  if (route.method !== 'GET') add(403, 'a cross-site request: an Origin neither in ALLOWED_ORIGINS nor the server’s own');
  for (const [status, reason] of Object.entries(route.refusals ?? {})) add(Number(status), reason);
  return Object.fromEntries(
    [...reasons].map(([status, why]) => [status, { description: why.join('; '), content: { 'application/json': { schema: errorBody } } }]),
  );
}
