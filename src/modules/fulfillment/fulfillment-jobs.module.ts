import { Module } from '@nestjs/common';
import { FulfillmentMetrics } from './adapters/http/fulfillment.metrics';
import { FulfillmentProcessor } from './adapters/jobs/fulfillment.processor';
import { TypeOrmShipmentRepository } from './adapters/persistence/typeorm-shipment.repository';
import { CancelShipmentHandler } from './application/commands/cancel-shipment/cancel-shipment.handler';
import { CreateShipmentHandler } from './application/commands/create-shipment/create-shipment.handler';
import { ShipmentRepository } from './application/ports/shipment.repository.port';

/** Fulfillment (worker): shipments created and cancelled from order events. */
@Module({
  providers: [
    FulfillmentProcessor,
    FulfillmentMetrics,
    CreateShipmentHandler,
    CancelShipmentHandler,
    { provide: ShipmentRepository, useClass: TypeOrmShipmentRepository },
  ],
})
export class FulfillmentJobsModule {}
