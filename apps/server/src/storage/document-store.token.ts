/** Injection token of the {@link DocumentStore} chosen by `DATABASE_URL`. */
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
