import type { ChildProcess } from 'node:child_process';

const SETUP_CODE = /Setup code: (\S+)/;

/** The setup code in one log line: pino JSON (`msg`), or plain text as a fallback. */
export function setupCodeInLine(line: string): string | null {
  try {
    const entry = JSON.parse(line) as { msg?: unknown };
    if (typeof entry.msg === 'string') return SETUP_CODE.exec(entry.msg)?.[1] ?? null;
  } catch {
    // Not JSON: read the line as it is.
  }
  return SETUP_CODE.exec(line)?.[1] ?? null;
}

/**
 * Resolves with the one-time setup code the server prints in its log at first start
 * (`Setup code: …`), read line by line from its stdout as it is written. Listen from the moment the
 * process starts: the line comes once.
 */
export function watchForSetupCode(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const code = setupCodeInLine(line);
        if (code) {
          child.stdout?.off('data', onData);
          resolve(code);
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => reject(new Error('The server exited without printing "Setup code: …"')));
  });
}
