import { ServiceUnavailableError } from '../../shared/kernel/service-unavailable.error';

/** A request reached an instance that is closing: retry it (the load balancer picks another). */
export class ServerClosingError extends ServiceUnavailableError {
  constructor() {
    super('This instance is shutting down, retry the request', 1);
  }
}
