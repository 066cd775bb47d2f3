import { ApiProperty } from '@nestjs/swagger';
import { OrderLineResponse } from './order-line.response';
import { FulfillmentResponse } from './fulfillment.response';
import { ShippingAddressResponse } from './shipping-address.response';

export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: [
      'PAID',
      'SHIPPED',
      'DELIVERED',
      'CANCELLED',
      'RETURN_REQUESTED',
      'RETURNED',
      'PARTIALLY_RETURNED',
    ],
  })
  status!: string;
  @ApiProperty({ type: [OrderLineResponse] }) items!: readonly OrderLineResponse[];
  @ApiProperty() subtotal!: number;
  @ApiProperty() discount!: number;
  @ApiProperty() pointsUsed!: number;
  @ApiProperty({ description: 'Taken from the wallet balance' }) paidAmount!: number;
  @ApiProperty({ description: 'floor(1% of paidAmount)' }) pointsEarned!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) userCouponId!: string | null;
  @ApiProperty({
    type: ShippingAddressResponse,
    nullable: true,
    description:
      'Where the order goes: its own copy, unchanged by later address book edits; null for orders placed before addresses existed',
  })
  shippingAddress!: ShippingAddressResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) cancelledAt!: string | null;
  @ApiProperty({
    type: FulfillmentResponse,
    nullable: true,
    description:
      'Where the parcel is (READY until shipped, then with its tracking number); null once cancelled',
  })
  fulfillment!: FulfillmentResponse | null;
}
