import { SecurityEvent, SecurityEvents } from '../security-events.port';

/** Keeps security events in memory, in order. */
export class RecordingSecurityEvents extends SecurityEvents {
  readonly events: SecurityEvent[] = [];

  record(event: SecurityEvent): void {
    this.events.push(event);
  }

  names(): string[] {
    return this.events.map((event) => event.event);
  }
}
