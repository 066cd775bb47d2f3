import { Global, Module } from '@nestjs/common';
import { Clock } from '../../shared/kernel/clock.port';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { SystemClock } from './system-clock';
import { UuidV7IdGenerator } from './uuid-v7.id-generator';

/** Adapters of the shared kernel's ports (time, identifiers). */
@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: UuidV7IdGenerator },
  ],
  exports: [Clock, IdGenerator],
})
export class ClockAndIdsModule {}
