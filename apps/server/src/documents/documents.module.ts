import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsController } from './documents.controller';
import { LinksController } from './links.controller';

@Module({ imports: [CollabModule], controllers: [DocumentsController, LinksController] })
export class DocumentsModule {}
