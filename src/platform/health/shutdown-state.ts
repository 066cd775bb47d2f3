import { Injectable } from '@nestjs/common';

/** Whether this instance is draining: readiness fails at once, requests are still served. */
@Injectable()
export class ShutdownState {
  private drainingSince: number | undefined;

  startDraining(): void {
    this.drainingSince ??= Date.now();
  }

  isDraining(): boolean {
    return this.drainingSince !== undefined;
  }
}
