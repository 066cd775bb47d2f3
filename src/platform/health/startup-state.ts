import { Injectable } from '@nestjs/common';

/** Whether this instance has finished starting: readiness is 503 until the server listens. */
@Injectable()
export class StartupState {
  private startedAt: number | undefined;

  markStarted(): void {
    this.startedAt ??= Date.now();
  }

  isStarting(): boolean {
    return this.startedAt === undefined;
  }
}
