/**
 * A valid delivery address for orders placed in tests and benches (inline
 * `address` of POST /orders and /cart/checkout). Here, under test/load,
 * because the bench compiles with rootDir test/load; test/support re-exports it.
 */
export const SHIPPING_ADDRESS = {
  recipient: 'Test Recipient',
  phone: '+821055550100',
  postalCode: '04524',
  line1: '110 Sejong-daero, Jung-gu',
  line2: 'Unit 7',
} as const;
