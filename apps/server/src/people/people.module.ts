import { Module } from '@nestjs/common';
import { AccountControlsController } from './account-controls.controller';
import { DocumentInvitationsController, InvitationLinksController } from './invitations.controller';
import { ResetRequestsController } from './reset-requests.controller';

/**
 * Invitations, the administrator's account controls and reset requests (docs/api.md, "Invitations",
 * "Administration"). Their services live in the global AuthModule, which sign-up and every
 * credential check use too.
 */
@Module({ controllers: [DocumentInvitationsController, InvitationLinksController, AccountControlsController, ResetRequestsController] })
export class PeopleModule {}
