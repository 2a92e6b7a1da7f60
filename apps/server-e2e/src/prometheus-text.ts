/**
 * The value of one series in Prometheus text, e.g. `quire_connections` or
 * `quire_rejected_total{reason="rate-limit"}`; `undefined` when the server does not report it.
 */
export function metricSample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
