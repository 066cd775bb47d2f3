import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { Public } from '../../../../platform/auth/public.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { LogInCommand } from '../../application/commands/log-in/log-in.command';
import { LogOutCommand } from '../../application/commands/log-out/log-out.command';
import { RefreshTokensCommand } from '../../application/commands/refresh-tokens/refresh-tokens.command';
import { SignUpCommand } from '../../application/commands/sign-up/sign-up.command';
import { ConfirmPasswordResetCommand } from '../../application/commands/confirm-password-reset/confirm-password-reset.command';
import { RequestPasswordResetCommand } from '../../application/commands/request-password-reset/request-password-reset.command';
import { PasswordResetConfirmRequest } from './password-reset-confirm.request';
import { PasswordResetRequest } from './password-reset.request';
import { LogInRequest } from './log-in.request';
import { LogOutRequest } from './log-out.request';
import { RefreshRequest } from './refresh.request';
import { SignUpRequest } from './sign-up.request';
import { SignUpResponse } from './sign-up.response';
import { TokenPairResponse } from './token-pair.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('signup')
  @ApiOperation({
    summary: 'Create a customer account; a welcome e-mail follows asynchronously',
    description:
      'Email is trimmed and lower-cased, password 8..72 characters, name 1..50. The account gets the CUSTOMER role; the welcome e-mail is sent by the worker, once.',
  })
  @ApiCreatedResponse({ type: SignUpResponse })
  @ApiProblems(400, { status: 409, codes: ['EMAIL_TAKEN'] }, 413, 429, 503)
  signUp(@Body() body: SignUpRequest): Promise<SignUpResponse> {
    return this.commands.execute(new SignUpCommand(body.email, body.password, body.name));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange email and password for a token pair',
    description:
      'Returns a short-lived access token (JWT) and a single-use refresh token that starts a session. Repeated failures for one email or one client are answered 429 with Retry-After.',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(400, { status: 401, codes: ['INVALID_CREDENTIALS'] }, 429, 503)
  logIn(@Body() body: LogInRequest, @Req() request: FastifyRequest): Promise<TokenPairResponse> {
    return this.commands.execute(new LogInCommand(body.email, body.password, request.ip));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate a refresh token; reusing a spent one revokes its session',
    description:
      'Spends the refresh token and returns a new pair of the same session. A retry within a few seconds gets the same successor back; presenting a spent token later, or after its successor was used, revokes the whole session (401 REFRESH_TOKEN_REUSED).',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(400, { status: 401, codes: ['UNAUTHORIZED', 'REFRESH_TOKEN_REUSED'] }, 429, 503)
  refresh(@Body() body: RefreshRequest): Promise<TokenPairResponse> {
    return this.commands.execute(new RefreshTokensCommand(body.refreshToken));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End the session: the access token and the refresh family stop working at once',
    description:
      'Revokes the session of the access token (or of `refreshToken` when given): its refresh tokens and access tokens stop working on every instance at once.',
  })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiProblems(400, 401, 429, 503)
  async logOut(@CurrentUser() user: AuthenticatedUser, @Body() body: LogOutRequest): Promise<void> {
    await this.commands.execute(
      new LogOutCommand(user.id, user.sessionId, user.tokenId, user.expiresAt, body.refreshToken),
    );
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset e-mail (always 202)',
    description:
      'Answers 202 whether or not the address has an account, so it reveals none. For an account, a single-use token valid 30 minutes is e-mailed to its address. Rate limited per address and per client (429 with Retry-After, the same for unknown addresses).',
  })
  @ApiAcceptedResponse({ description: 'If the address has an account, a reset e-mail is queued' })
  @ApiProblems(400, 429, 503)
  async requestPasswordReset(
    @Body() body: PasswordResetRequest,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.commands.execute(new RequestPasswordResetCommand(body.email, request.ip));
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with a reset token; every session is signed out',
    description:
      'The token is single-use and valid 30 minutes (400 TOKEN_INVALID when unknown, used or expired). The new password (8..72) is hashed with argon2id; every session of the account and its access tokens stop working at once.',
  })
  @ApiNoContentResponse({ description: 'Password set' })
  @ApiProblems({ status: 400, codes: ['VALIDATION_FAILED', 'TOKEN_INVALID'] }, 429, 503)
  async confirmPasswordReset(@Body() body: PasswordResetConfirmRequest): Promise<void> {
    await this.commands.execute(new ConfirmPasswordResetCommand(body.token, body.newPassword));
  }
}
