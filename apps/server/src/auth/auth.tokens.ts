/** The account store, from the same database as the documents. */
export const ACCOUNT_STORE = Symbol('ACCOUNT_STORE');
