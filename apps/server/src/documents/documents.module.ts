import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { LinksController } from './links.controller';

@Module({ controllers: [DocumentsController, LinksController] })
export class DocumentsModule {}
