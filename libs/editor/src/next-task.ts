/**
 * Runs `next` in a task of its own, after the page has had its turn (input, a frame); returns how
 * to cancel it. Long work cut into parts (the first sync applied, the document first rendered)
 * waits this way between parts; tests pass a queue of their own.
 */
export type NextTask = (next: () => void) => () => void;

export const nextTask: NextTask = (next) => {
  const handle = setTimeout(next, 0);
  return () => clearTimeout(handle);
};
