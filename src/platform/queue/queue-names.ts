/** Every Bull queue of the system; the relay routes events to these. */
export const QUEUES = {
  notifications: 'notifications',
  ranking: 'ranking',
  maintenance: 'maintenance',
  fulfillment: 'fulfillment',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
