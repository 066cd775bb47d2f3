/** PAID on placement (payment is part of placing); CANCELLED is final. */
export type OrderStatus = 'PAID' | 'CANCELLED';
