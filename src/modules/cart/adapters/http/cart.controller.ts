import { Body, Controller, Delete, Get, Header, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
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
import { ClearCartCommand } from '../../application/commands/clear-cart/clear-cart.command';
import { RemoveCartItemCommand } from '../../application/commands/remove-cart-item/remove-cart-item.command';
import { SetCartItemCommand } from '../../application/commands/set-cart-item/set-cart-item.command';
import { GetCartQuery } from '../../application/queries/get-cart/get-cart.query';
import { SetCartItemRequest } from './set-cart-item.request';
import { CartResponse } from './cart.response';

const productId = new ResourceIdPipe('Product');

/** The caller's own cart; there is no way to address another user's cart. */
@ApiTags('cart')
@ApiBearerAuth()
@Controller('cart')
export class CartController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary:
      'The caller’s cart with current prices and availability (reads its own writes at once)',
    description:
      "The caller's cart lines with current names and prices; `available` tells whether a line could be ordered now, and `total` sums the available lines only.",
  })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(401, 429, 503)
  get(@CurrentUser() user: AuthenticatedUser): Promise<CartResponse> {
    return this.queries.execute(new GetCartQuery(user.id));
  }

  @Put('items/:productId')
  @ApiOperation({
    summary:
      'Set the quantity of an ACTIVE product in the cart (at most 50 different products); returns the cart',
    description:
      "Sets (does not add to) the quantity of a product in the caller's cart, 1..100. The product must be ACTIVE; a cart holds at most 50 different products.",
  })
  @ApiParam({ name: 'productId', format: 'uuid' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, 401, 404, 413, 429, 503)
  async setItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId', productId) id: string,
    @Body() body: SetCartItemRequest,
  ): Promise<CartResponse> {
    await this.commands.execute(new SetCartItemCommand(user.id, id, body.quantity));
    return this.queries.execute(new GetCartQuery(user.id));
  }

  @Delete('items/:productId')
  @ApiOperation({
    summary: 'Take a product out of the cart (a product not in the cart is fine); returns the cart',
    description:
      "Removes the product's line from the caller's cart; removing a product that is not in the cart is not an error.",
  })
  @ApiParam({ name: 'productId', format: 'uuid' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(401, 404, 429, 503)
  async removeItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId', productId) id: string,
  ): Promise<CartResponse> {
    await this.commands.execute(new RemoveCartItemCommand(user.id, id));
    return this.queries.execute(new GetCartQuery(user.id));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Empty the cart',
    description: "Removes every line of the caller's cart.",
  })
  @ApiNoContentResponse({ description: 'The cart is empty' })
  @ApiProblems(401, 429, 503)
  async clear(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.commands.execute(new ClearCartCommand(user.id));
  }
}
