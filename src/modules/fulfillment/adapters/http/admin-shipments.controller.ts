import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { DeliverShipmentCommand } from '../../application/commands/deliver-shipment/deliver-shipment.command';
import { ShipShipmentCommand } from '../../application/commands/ship-shipment/ship-shipment.command';
import { ListShipmentsQuery } from '../../application/queries/list-shipments/list-shipments.query';
import { FulfillmentMetrics } from './fulfillment.metrics';
import { ListShipmentsRequest } from './list-shipments.request';
import { ShipShipmentRequest } from './ship-shipment.request';
import { ShipmentPageResponse } from './shipment-page.response';
import { ShipmentResponse } from './shipment.response';

const shipmentId = new ResourceIdPipe('Shipment');

/** The warehouse (admin only): the work list and the moves of each shipment. */
@ApiTags('shipments')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/shipments')
export class AdminShipmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly metrics: FulfillmentMetrics,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The warehouse work list: shipments, oldest first, optionally of one status',
    description:
      'Admin only. A shipment is created READY by the worker within seconds of an order being placed, and CANCELLED with its order. Keyset-paginated, oldest first.',
  })
  @ApiOkResponse({ type: ShipmentPageResponse })
  @ApiProblems(400, 401, 403, 429)
  list(@Query() query: ListShipmentsRequest): Promise<ShipmentPageResponse> {
    return this.queries.execute(new ListShipmentsQuery(query.status, query.limit, query.cursor));
  }

  @Post(':id/ship')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hand the parcel to a carrier: READY → SHIPPED, the order too',
    description:
      'Admin only. Shipment and order move together; the customer gets an e-mail with the tracking number. Shipping again with the same parcel answers 200 unchanged. 409 SHIPMENT_NOT_SHIPPABLE when the order was cancelled (a ship racing a cancel: exactly one wins) or the shipment already left with another parcel.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ShipmentResponse })
  @ApiProblems(400, 401, 403, 404, { status: 409, codes: ['SHIPMENT_NOT_SHIPPABLE'] }, 429, 503)
  async ship(
    @Param('id', shipmentId) id: string,
    @Body() body: ShipShipmentRequest,
  ): Promise<ShipmentResponse> {
    const { shipment, moved } = await this.commands.execute(
      new ShipShipmentCommand(id, body.carrier, body.trackingNumber),
    );
    if (moved) this.metrics.moved('SHIPPED');
    return shipment;
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the delivery: SHIPPED → DELIVERED, the order too (the return window starts)',
    description:
      'Admin only. The customer gets an e-mail. Delivering again answers 200 unchanged; a shipment that was not shipped is 409 SHIPMENT_NOT_SHIPPABLE.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ShipmentResponse })
  @ApiProblems(401, 403, 404, { status: 409, codes: ['SHIPMENT_NOT_SHIPPABLE'] }, 429, 503)
  async deliver(@Param('id', shipmentId) id: string): Promise<ShipmentResponse> {
    const { shipment, moved } = await this.commands.execute(new DeliverShipmentCommand(id));
    if (moved) this.metrics.moved('DELIVERED');
    return shipment;
  }
}
