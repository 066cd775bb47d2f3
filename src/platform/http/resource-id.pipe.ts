import { Injectable, PipeTransform } from '@nestjs/common';
import { isUuid } from '../../shared/kernel/id-cursor';
import { NotFoundError } from '../../shared/kernel/not-found.error';

/**
 * A resource id from the path. Ids are opaque to clients, so one that cannot
 * exist is simply not found (404), like any other unknown id.
 */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly resource: string) {}

  transform(value: string): string {
    const id = value.toLowerCase();
    if (!isUuid(id)) throw new NotFoundError(this.resource, value.slice(0, 64));
    return id;
  }
}
