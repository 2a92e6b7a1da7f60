import { BadRequestException, Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import type { DocumentStore } from '@quire/storage';
import { z } from 'zod';
import { DOCUMENT_STORE } from '../storage/document-store.token';
import { newDocumentId } from './document-id';
import { toDocumentView, type DocumentView } from './document-view';

const createDocumentBody = z
  .object({ title: z.string().trim().max(200, 'title: at most 200 characters').optional() })
  .strict();

/** `/api/documents`: list and create documents. */
@Controller('api/documents')
export class DocumentsController {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  @Get()
  async list(): Promise<{ documents: DocumentView[] }> {
    const documents = await this.store.listDocuments();
    return { documents: documents.map(toDocumentView) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Body() body: unknown): Promise<DocumentView> {
    const parsed = createDocumentBody.safeParse(body ?? {});
    if (!parsed.success) {
      throw new BadRequestException(parsed.error.issues.map((issue) => issue.message).join('; '));
    }
    const info = await this.store.createDocument(newDocumentId(), parsed.data.title || undefined);
    return toDocumentView(info);
  }
}
