import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { AddAddressCommand } from '../../application/commands/add-address/add-address.command';
import { RemoveAddressCommand } from '../../application/commands/remove-address/remove-address.command';
import { UpdateAddressCommand } from '../../application/commands/update-address/update-address.command';
import { ListAddressesQuery } from '../../application/queries/list-addresses/list-addresses.query';
import { AddressRequest, UpdateAddressRequest } from './address.request';
import { AddressListResponse, AddressResponse } from './address.response';

const addressId = new ResourceIdPipe('Address');
const ADDRESS_ID = {
  name: 'id',
  description: 'Address id (another member’s is 404)',
  example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f81',
};

@ApiTags('addresses')
@ApiBearerAuth()
@Controller('users/me/addresses')
export class AddressesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s address book',
    description:
      'At most 10 addresses, default first, then newest first. Every field is stored encrypted; this is the only way to read them.',
  })
  @ApiOkResponse({ type: AddressListResponse })
  @ApiProblems(401, 429, 503)
  list(@CurrentUser() user: AuthenticatedUser): Promise<AddressListResponse> {
    return this.queries.execute(new ListAddressesQuery(user.id));
  }

  @Post()
  @ApiOperation({
    summary: 'Add an address',
    description:
      'The first address becomes the default; `isDefault: true` moves the default here. A member has at most 10 addresses (409 ADDRESS_LIMIT_REACHED).',
  })
  @ApiCreatedResponse({ type: AddressResponse })
  @ApiProblems(400, 401, { status: 409, codes: ['ADDRESS_LIMIT_REACHED'] }, 413, 429, 503)
  add(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: AddressRequest,
  ): Promise<AddressResponse> {
    const { isDefault, ...address } = body;
    return this.commands.execute(new AddAddressCommand(user.id, user.role, address, isDefault));
  }

  @Patch(':id')
  @ApiParam(ADDRESS_ID)
  @ApiOperation({
    summary: 'Change an address',
    description:
      'Any subset of the fields. Un-defaulting the default passes the mark to the newest other address.',
  })
  @ApiOkResponse({ type: AddressResponse })
  @ApiProblems(400, 401, 404, 413, 429, 503)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', addressId) id: string,
    @Body() body: UpdateAddressRequest,
  ): Promise<AddressResponse> {
    return this.commands.execute(new UpdateAddressCommand(user.id, user.role, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam(ADDRESS_ID)
  @ApiOperation({
    summary: 'Delete an address',
    description: 'Deleting the default passes the mark to the newest remaining address.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 404, 429, 503)
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', addressId) id: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveAddressCommand(user.id, user.role, id));
  }
}
