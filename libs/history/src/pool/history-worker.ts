// The worker thread's entry (piscina loads the compiled file by name): the CPU-heavy, pure parts of
// version history, kept off the event loop that relays updates. Each export is one task.
export { computeVersion } from '@quire/history';
