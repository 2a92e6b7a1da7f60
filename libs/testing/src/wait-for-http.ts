import type { ManagedProcess } from './child-process';

/**
 * Resolves once `url` answers 200, polling while `process` runs; fails at once if the process
 * exits, or after `timeoutMs`, with the process output.
 */
export async function waitForHttp(url: string, process: ManagedProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void process.exited.then(() => (exited = true));
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${process.name} exited before ${url} answered:\n${process.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${lastError}):\n${process.output()}`);
}
