import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ImportResolver } from './graphql/import.resolver.js';
import { ImportService } from './import.service.js';

/** Importing a council's own plan document: a new plan, or monthly updates synced as changes. */
@Module({
  imports: [PlansModule],
  providers: [ImportService, ImportResolver],
  exports: [ImportService],
})
export class ImportModule {}
