/** A document as the server's API returns it. */
export interface CreatedDocument {
  id: string;
  title: string;
}

/** Creates a document through the HTTP API (as a script would), optionally with a title. */
export async function createDocument(serverUrl: string, title?: string): Promise<CreatedDocument> {
  const response = await fetch(`${serverUrl}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(title === undefined ? {} : { title }),
  });
  if (response.status !== 201) throw new Error(`POST /api/documents answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedDocument;
}
