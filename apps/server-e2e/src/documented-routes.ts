import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const API_DOC = resolve(__dirname, '../../../docs/api.md');

/**
 * Every route docs/api.md lists in its tables, as `METHOD /path` with the doc's `:params`: a row
 * whose first cell starts with a method and an `/api` path in backticks.
 */
export function documentedRoutes(): string[] {
  const routes: string[] = [];
  for (const line of readFileSync(API_DOC, 'utf8').split('\n')) {
    const match = /^\|\s*`(GET|POST|PUT|PATCH|DELETE) (\/api[^`\s]*)`/.exec(line);
    if (match) routes.push(`${match[1]} ${match[2]}`);
  }
  return routes;
}
