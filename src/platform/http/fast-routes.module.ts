import { Global, Module } from '@nestjs/common';
import { ThrottlingModule } from '../throttling/throttling.module';
import { FastRoutes } from './fast-routes';

/** Hot public reads served outside Nest's request pipeline (ADR 0044); used by the API's modules. */
@Global()
@Module({ imports: [ThrottlingModule], providers: [FastRoutes], exports: [FastRoutes] })
export class FastRoutesModule {}
