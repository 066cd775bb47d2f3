export { SHIPPING_ADDRESS } from '../load/shipping-address';
