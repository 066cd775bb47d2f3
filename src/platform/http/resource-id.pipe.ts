import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../../shared/kernel/not-found.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A resource id from the path. Ids are opaque to clients, so one that cannot
 * exist is simply not found (404), like any other unknown id.
 */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly resource: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError(this.resource, value.slice(0, 64));
    return value.toLowerCase();
  }
}
