import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  ValidateNested,
  isInt,
  isString,
  isUUID,
  max,
  maxLength,
  min,
} from 'class-validator';
import { CompiledCheck } from '../../../../platform/http/validation.pipe';
import { OrderingLimits } from '../../domain/ordering-limits';
import { OrderItemRequest } from './order-item.request';
import { CheckoutRequest } from './checkout.request';
import { SHIPPING_ADDRESS_MAX_LENGTH, ShippingAddressRequest } from './shipping-address.request';
import { MAX_POINTS_TO_USE } from './payment-options.request';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** Every own key of `value` is one of `allowed` (whitelist with forbidNonWhitelisted). */
function onlyKeys(value: Plain, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

const absent = (value: unknown) => value === undefined || value === null; // @IsOptional
const intIn = (value: unknown, low: number, high: number) =>
  isInt(value) && min(value, low) && max(value, high);
const text = (value: unknown, most: number) => isString(value) && maxLength(value, most);

const BODY_KEYS = new Set(['items', 'userCouponId', 'pointsToUse', 'addressId', 'address']);
const ITEM_KEYS = new Set(['productId', 'quantity']);
const ADDRESS_KEYS = new Set(['recipient', 'phone', 'postalCode', 'line1', 'line2']);

/** The address rules of ShippingAddressRequest; the instance class-transformer would build. */
function address(value: Plain): ShippingAddressRequest | undefined {
  if (!onlyKeys(value, ADDRESS_KEYS)) return undefined;
  const { recipient, phone, postalCode, line1, line2 } = value;
  const most = SHIPPING_ADDRESS_MAX_LENGTH;
  if (
    !text(recipient, most.recipient) ||
    !text(phone, most.phone) ||
    !text(postalCode, most.postalCode) ||
    !text(line1, most.line1)
  )
    return undefined;
  if (!absent(line2) && !text(line2, most.line2)) return undefined;
  return Object.assign(new ShippingAddressRequest(), value);
}

/**
 * The rules of PlaceOrderRequest (and what it inherits) compiled by hand:
 * POST /orders is the hottest command, and class-transformer with
 * class-validator cost a tenth of its CPU (issue 12). Only a body that
 * passes every decorator below is accepted here; anything else goes to
 * ValidationPipe, which rejects it with the usual VALIDATION_FAILED fields.
 * validation.pipe.spec and the order e2e specs hold both paths to the same
 * answers.
 */
function checkPlaceOrder(body: unknown): PlaceOrderRequest | undefined {
  if (!isPlain(body) || !onlyKeys(body, BODY_KEYS)) return undefined;
  const { items, userCouponId, pointsToUse, addressId } = body;
  if (
    !Array.isArray(items) ||
    items.length < OrderingLimits.lines.min ||
    items.length > OrderingLimits.lines.max
  )
    return undefined;
  const lines: OrderItemRequest[] = [];
  for (const item of items as unknown[]) {
    if (!isPlain(item) || !onlyKeys(item, ITEM_KEYS)) return undefined;
    if (!isUUID(item.productId)) return undefined;
    if (!intIn(item.quantity, OrderingLimits.quantity.min, OrderingLimits.quantity.max))
      return undefined;
    lines.push(Object.assign(new OrderItemRequest(), item));
  }
  if (!absent(userCouponId) && !isUUID(userCouponId)) return undefined;
  if (!absent(pointsToUse) && !intIn(pointsToUse, 0, MAX_POINTS_TO_USE)) return undefined;
  if (!absent(addressId) && !isUUID(addressId)) return undefined;
  let shipTo: ShippingAddressRequest | null | undefined = body.address as null | undefined;
  if (!absent(body.address)) {
    if (!isPlain(body.address)) return undefined;
    shipTo = address(body.address);
    if (!shipTo) return undefined;
  }
  const request = Object.assign(new PlaceOrderRequest(), body);
  request.items = lines;
  if ('address' in body) request.address = shipTo as ShippingAddressRequest;
  return request;
}

@CompiledCheck((body) => checkPlaceOrder(body))
export class PlaceOrderRequest extends CheckoutRequest {
  @ApiProperty({
    type: [OrderItemRequest],
    minItems: OrderingLimits.lines.min,
    maxItems: OrderingLimits.lines.max,
    description: 'Distinct products',
  })
  @IsArray()
  @ArrayMinSize(OrderingLimits.lines.min)
  @ArrayMaxSize(OrderingLimits.lines.max)
  @ValidateNested({ each: true })
  @Type(() => OrderItemRequest)
  items!: OrderItemRequest[];
}
