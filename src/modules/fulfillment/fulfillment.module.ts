import { Module } from '@nestjs/common';
import { OrderingModule } from '../ordering/ordering.module';
import { AdminShipmentsController } from './adapters/http/admin-shipments.controller';
import { FulfillmentMetrics } from './adapters/http/fulfillment.metrics';
import { TypeOrmShipmentReadModel } from './adapters/persistence/typeorm-shipment.read-model';
import { TypeOrmShipmentRepository } from './adapters/persistence/typeorm-shipment.repository';
import { DeliverShipmentHandler } from './application/commands/deliver-shipment/deliver-shipment.handler';
import { ShipShipmentHandler } from './application/commands/ship-shipment/ship-shipment.handler';
import { ShipmentReadModel } from './application/ports/shipment.read-model.port';
import { ShipmentRepository } from './application/ports/shipment.repository.port';
import { ListShipmentsHandler } from './application/queries/list-shipments/list-shipments.handler';

/** Fulfillment (API): the warehouse's work list and the ship/deliver moves (admin). */
@Module({
  imports: [OrderingModule],
  controllers: [AdminShipmentsController],
  providers: [
    FulfillmentMetrics,
    ShipShipmentHandler,
    DeliverShipmentHandler,
    ListShipmentsHandler,
    { provide: ShipmentRepository, useClass: TypeOrmShipmentRepository },
    { provide: ShipmentReadModel, useClass: TypeOrmShipmentReadModel },
  ],
})
export class FulfillmentModule {}
