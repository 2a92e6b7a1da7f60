import { z } from 'zod';

/** The multipart/form-data field an upload carries its file in (`POST /api/documents/:id/files`). */
export const UPLOAD_FIELD = 'file';

/** The query parameter that carries a guest's file token (`GET /api/files/:id?access=…`; docs/api.md, "Files"). */
export const FILE_ACCESS_PARAM = 'access';

/**
 * `POST /api/documents/:id/files`: the stored file. `url` is the path it is served at,
 * `/api/files/<id>`, on the server's own origin; `contentType` is what the server found in its
 * bytes, whatever the name said.
 */
export const UploadedFile = z.object({
  id: z.string(),
  url: z.string(),
  contentType: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

/** `GET /api/files/:id`: a guest's file token, from their ticket; members need none. */
export const FileQuery = z.object({ [FILE_ACCESS_PARAM]: z.string().optional() });
export type FileQuery = z.infer<typeof FileQuery>;

/** `POST /api/documents/:id/files/remote`: an image's address (pasted into the editor) for the server to fetch. */
export const RemoteFileBody = z.object({
  url: z
    .string({ required_error: 'Give the image’s address as "url"' })
    .trim()
    .max(4096, 'The address is longer than 4,096 characters')
    .refine((value) => /^https?:\/\//i.test(value) && parsesAsUrl(value), 'The address must be an http or https URL'),
});
export type RemoteFileBody = z.infer<typeof RemoteFileBody>;

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
