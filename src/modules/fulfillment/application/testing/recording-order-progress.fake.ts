import { DomainError } from '../../../../shared/kernel/domain-error';
import {
  OrderProgress,
  ShippedParcel,
} from '../../../ordering/application/ports/order-progress.port';

/** Records the order moves; `refuse` makes the next moves throw (a cancelled order). */
export class RecordingOrderProgress extends OrderProgress {
  readonly moves: Array<{
    orderId: string;
    move: 'shipped' | 'delivered';
    parcel?: ShippedParcel;
  }> = [];
  refuse: DomainError | undefined;

  shipped(orderId: string, parcel: ShippedParcel): Promise<void> {
    if (this.refuse) return Promise.reject(this.refuse);
    this.moves.push({ orderId, move: 'shipped', parcel });
    return Promise.resolve();
  }

  delivered(orderId: string): Promise<void> {
    if (this.refuse) return Promise.reject(this.refuse);
    this.moves.push({ orderId, move: 'delivered' });
    return Promise.resolve();
  }
}
