import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { Public } from '../../../../platform/auth/public.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ChangePasswordCommand } from '../../application/commands/change-password/change-password.command';
import { EraseMemberCommand } from '../../application/commands/erase-member/erase-member.command';
import { ConfirmEmailChangeCommand } from '../../application/commands/confirm-email-change/confirm-email-change.command';
import { RequestEmailChangeCommand } from '../../application/commands/request-email-change/request-email-change.command';
import { UpdateProfileCommand } from '../../application/commands/update-profile/update-profile.command';
import { GetCurrentUserQuery } from '../../application/queries/get-current-user/get-current-user.query';
import { ChangeEmailRequest } from './change-email.request';
import { ChangePasswordRequest } from './change-password.request';
import { EraseAccountRequest } from './erase-account.request';
import { MeResponse } from './me.response';
import { TokenRequest } from './token.request';
import { UpdateProfileRequest } from './update-profile.request';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('me')
  @ApiOperation({
    summary: 'The caller’s profile (reads its own writes even from lagging replicas)',
    description:
      "The authenticated user's id, email, name, phone, role and creation time. Reads the caller's own recent writes even while replicas lag.",
  })
  @ApiOkResponse({ type: MeResponse })
  @ApiProblems(401, 404, 429)
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeResponse> {
    return this.queries.execute(new GetCurrentUserQuery(user.id));
  }

  @Patch('me')
  @ApiOperation({
    summary: 'Change the caller’s name and phone',
    description:
      'Either field may be left out; `phone: null` removes the phone. Stored encrypted; the change and its audit event commit together. Returns the profile.',
  })
  @ApiOkResponse({ type: MeResponse })
  @ApiProblems(400, 401, 404, 429, 503)
  async updateProfile(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdateProfileRequest,
  ): Promise<MeResponse> {
    await this.commands.execute(
      new UpdateProfileCommand(user.id, user.role, body.name, body.phone),
    );
    return this.queries.execute(new GetCurrentUserQuery(user.id));
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the password; every other session is signed out',
    description:
      'Needs the current password (401 INVALID_CREDENTIALS otherwise). The new one is hashed with argon2id. Every other session of the account and its access tokens stop working at once; the caller’s session and access token stay valid.',
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiProblems(400, { status: 401, codes: ['UNAUTHORIZED', 'INVALID_CREDENTIALS'] }, 429, 503)
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordRequest,
  ): Promise<void> {
    await this.commands.execute(
      new ChangePasswordCommand(
        user.id,
        user.role,
        user.sessionId,
        body.currentPassword,
        body.newPassword,
      ),
    );
  }

  @Post('me/email')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask to change the e-mail address; it changes once confirmed from the new address',
    description:
      'Needs the current password. A confirmation token (single-use, valid 24 hours, stored only as a hash) is e-mailed to the new address and a notice to the current one; the login stays the current address until POST /users/me/email/confirm.',
  })
  @ApiAcceptedResponse({ description: 'Confirmation e-mail queued' })
  @ApiProblems(
    400,
    { status: 401, codes: ['UNAUTHORIZED', 'INVALID_CREDENTIALS'] },
    { status: 409, codes: ['EMAIL_TAKEN'] },
    429,
    503,
  )
  async changeEmail(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangeEmailRequest,
  ): Promise<void> {
    await this.commands.execute(
      new RequestEmailChangeCommand(user.id, user.role, body.currentPassword, body.newEmail),
    );
  }

  @Public()
  @Post('me/email/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Confirm an e-mail change with the token sent to the new address',
    description:
      'No authentication: the token is the proof. Single-use and expiring (400 TOKEN_INVALID when unknown, used or expired); 409 EMAIL_TAKEN when the address was registered meanwhile. Afterwards the new address is the login.',
  })
  @ApiNoContentResponse({ description: 'The new address is in use' })
  @ApiProblems(
    { status: 400, codes: ['VALIDATION_FAILED', 'TOKEN_INVALID'] },
    { status: 409, codes: ['EMAIL_TAKEN'] },
    429,
    503,
  )
  async confirmEmail(@Body() body: TokenRequest): Promise<void> {
    await this.commands.execute(new ConfirmEmailChangeCommand(body.token));
  }

  @Delete('me')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase the caller’s account and personal data',
    description:
      'Needs the password (401 INVALID_CREDENTIALS otherwise). Every session and access token stops working, the account can no longer log in, and the member’s own key is destroyed, so the stored personal data (also in backups and replicas) becomes unreadable. Orders, ledger and audit rows stay for accounting, showing the member as erased; the e-mail address may sign up again.',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiProblems(400, { status: 401, codes: ['UNAUTHORIZED', 'INVALID_CREDENTIALS'] }, 429, 503)
  async erase(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: EraseAccountRequest,
  ): Promise<void> {
    await this.commands.execute(new EraseMemberCommand(user.id, user.role, body.password));
  }
}
