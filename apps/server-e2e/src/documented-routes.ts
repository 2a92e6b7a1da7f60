import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const API_DOC = resolve(__dirname, '../../../docs/api.md');

/**
 * Every route docs/api.md lists in its tables, once each, in the order they first appear, as
 * `METHOD /path` with the doc's `:params`: a row whose first cell starts with a method and an
 * `/api` path in backticks (a route may appear in several tables, e.g. the limits).
 */
export function documentedRoutes(): string[] {
  const routes = new Set<string>();
  for (const line of readFileSync(API_DOC, 'utf8').split('\n')) {
    const match = /^\|\s*`(GET|POST|PUT|PATCH|DELETE) (\/api[^`\s]*)`/.exec(line);
    if (match) routes.add(`${match[1]} ${match[2]}`);
  }
  return [...routes];
}
