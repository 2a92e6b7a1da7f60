import { z } from 'zod';

/** Every refusal: the status again, and a message a person can act on. */
export const ErrorBody = z.object({ statusCode: z.number().int(), message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;
