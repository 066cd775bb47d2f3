import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { PaymentOptionsRequest } from './payment-options.request';
import { ShippingAddressRequest } from './shipping-address.request';
import { DeliveryChoice } from '../../application/services/shipping-address-resolver.service';

/** Payment options and where the order goes: exactly one of `addressId` and `address`. */
export class CheckoutRequest extends PaymentOptionsRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "An address of the caller's address book (GET /users/me/addresses); give this or `address`. Another member's address is 404.",
  })
  @IsOptional()
  @IsUUID()
  addressId?: string;

  @ApiPropertyOptional({
    type: ShippingAddressRequest,
    description: 'An address for this order only; give this or `addressId`',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ShippingAddressRequest)
  address?: ShippingAddressRequest;
}

/** The delivery part of a checkout or order body, for the commands. */
export function deliveryOf(body: CheckoutRequest): DeliveryChoice {
  return { addressId: body.addressId?.toLowerCase(), address: body.address };
}
