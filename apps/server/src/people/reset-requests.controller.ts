import type { IncomingMessage } from 'node:http';
import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ResetRequestBody } from '@quire/api-contract';
import { SecurityEvents } from '../audit/security-events';
import { parseBody } from '../auth/parse-body';
import { RequestAuth } from '../auth/request-auth';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { RateLimit } from '../http/rate-limit.decorator';
import { AccountControlsService } from './account-controls-service';

/**
 * "Forgot your password?" on the sign-in page: Quire sends no mail, so the request waits on the
 * admin page. The answer is the same whether an account has the email, so it tells nobody which do.
 */
@Controller('api/auth')
@AllowAnonymous()
export class ResetRequestsController {
  constructor(
    private readonly controls: AccountControlsService,
    private readonly auth: RequestAuth,
    private readonly events: SecurityEvents,
  ) {}

  @Post('password-reset-requests')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RateLimit('reset-request')
  async request(@Req() request: IncomingMessage, @Body() body: unknown): Promise<void> {
    const { email } = parseBody(ResetRequestBody, body);
    await this.controls.requestReset(email);
    this.events.record({ type: 'password-reset-requested', address: this.auth.address(request), details: `email ${email.trim().toLowerCase()}` });
  }
}
