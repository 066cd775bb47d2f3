import { Injectable } from '@nestjs/common';
import { v7 } from 'uuid';
import { IdGenerator } from '../../shared/kernel/id-generator.port';

/** UUIDv7: unique across instances and ordered by creation time (good InnoDB keys). */
@Injectable()
export class UuidV7IdGenerator extends IdGenerator {
  next(): string {
    return v7();
  }
}
