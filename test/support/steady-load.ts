import { randomUUID } from 'node:crypto';
import { Customer } from './customers';
import { HttpClient } from './http';
import { placeOrder } from './shop';

export interface LoadOutcome {
  readonly kind: 'read' | 'order';
  readonly path: string;
  /** HTTP status, or 0 when the request failed without a response. */
  readonly status: number;
  readonly error?: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly customer?: string;
  readonly orderId?: string;
}

export interface SteadyLoadOptions {
  /** Catalog paths the readers cycle through. */
  readonly reads: readonly string[];
  readonly readers: number;
  /** One ordering loop per buyer, each ordering `quantity` of `productId`. */
  readonly buyers: readonly Customer[];
  readonly productId: string;
  /** Pause between two requests of one reading loop. */
  readonly pauseMs: number;
  /** Pause between two orders of one buyer (default pauseMs). */
  readonly orderPauseMs?: number;
}

/**
 * Steady load of catalog reads and orders (each with its own Idempotency-Key,
 * never retried) until `stop`: every request's outcome is kept, so a suite
 * can count failures and match orders answered 201 with the database.
 */
export class SteadyLoad {
  readonly outcomes: LoadOutcome[] = [];
  private running = true;
  private readonly inFlight = new Set<number>();
  private readonly loops: Promise<void>[];
  private nextId = 0;

  private constructor(
    private readonly client: HttpClient,
    private readonly options: SteadyLoadOptions,
  ) {
    this.loops = [
      ...Array.from({ length: options.readers }, (_, i) => this.readLoop(i)),
      ...options.buyers.map((buyer) => this.orderLoop(buyer)),
    ];
  }

  static start(client: HttpClient, options: SteadyLoadOptions): SteadyLoad {
    return new SteadyLoad(client, options);
  }

  /** Requests sent and not yet answered. */
  get pending(): number {
    return this.inFlight.size;
  }

  async stop(): Promise<LoadOutcome[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.outcomes;
  }

  /** Reads not answered 200 and orders not answered 201. */
  failures(): LoadOutcome[] {
    return this.outcomes.filter((o) => o.status !== (o.kind === 'read' ? 200 : 201));
  }

  orders(): LoadOutcome[] {
    return this.outcomes.filter((o) => o.kind === 'order' && o.status === 201);
  }

  private async readLoop(index: number): Promise<void> {
    let i = index;
    while (this.running) {
      const path = this.options.reads[i % this.options.reads.length]!;
      i += 1;
      await this.track('read', path, () => this.client.get(path));
      await this.pause();
    }
  }

  private async orderLoop(buyer: Customer): Promise<void> {
    while (this.running) {
      await this.track(
        'order',
        '/orders',
        () =>
          placeOrder(
            this.client,
            buyer,
            [{ productId: this.options.productId, quantity: 1 }],
            randomUUID(),
          ),
        buyer.id,
      );
      await this.pause(this.options.orderPauseMs);
    }
  }

  private async track(
    kind: 'read' | 'order',
    path: string,
    send: () => Promise<{ status: number; body: any; text: string }>,
    customer?: string,
  ): Promise<void> {
    const id = this.nextId++;
    this.inFlight.add(id);
    const startedAt = Date.now();
    try {
      const response = await send();
      this.outcomes.push({
        kind,
        path,
        status: response.status,
        error: response.status >= 400 ? response.text.slice(0, 300) : undefined,
        startedAt,
        endedAt: Date.now(),
        customer,
        orderId:
          kind === 'order' && response.status === 201 ? (response.body?.id as string) : undefined,
      });
    } catch (error) {
      this.outcomes.push({
        kind,
        path,
        status: 0,
        error: (error as Error).message,
        startedAt,
        endedAt: Date.now(),
        customer,
      });
    } finally {
      this.inFlight.delete(id);
    }
  }

  private pause(ms = this.options.pauseMs): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
