import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsController } from './documents.controller';
import { LinksController } from './links.controller';
import { OrganizingModule } from '../organizing/organizing.module';
import { ShelfController } from '../organizing/shelf.controller';

// ShelfController first: its /recent and /starred must not be read as the document ids of DocumentsController.
@Module({ imports: [CollabModule, OrganizingModule], controllers: [ShelfController, DocumentsController, LinksController] })
export class DocumentsModule {}
