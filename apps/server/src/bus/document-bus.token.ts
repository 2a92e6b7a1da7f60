/** Injection token of the {@link DocumentBus} chosen by `REDIS_URL`. */
export const DOCUMENT_BUS = Symbol('DOCUMENT_BUS');
