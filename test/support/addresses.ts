/** A valid delivery address for orders placed in tests (inline `address` of POST /orders and /cart/checkout). */
export const SHIPPING_ADDRESS = {
  recipient: 'Test Recipient',
  phone: '+821055550100',
  postalCode: '04524',
  line1: '110 Sejong-daero, Jung-gu',
  line2: 'Unit 7',
} as const;
