/**
 * Content that cannot become a Quire document (a `.docx` that is no zip, HTML nested past the bound,
 * JSON that is no document of the schema, a conversion past its time): the HTTP layer answers 422
 * with the message, which says what was wrong in plain words.
 */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}
