import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator.js';
import type { RequestContext } from '../../graphql/request-context.js';
import { refusedReport, type ImportReport } from '../import-report.js';
import { ImportService } from '../import.service.js';
import type { PlanDocumentFormat } from '../parse/parse-plan-document.js';
import { ImportPlanInput } from './import.inputs.js';
import { ImportReportType, type ImportFormat } from './import.types.js';
import { uploadedFile } from './uploaded-file.js';

const PARSER_FORMATS: Record<ImportFormat, PlanDocumentFormat> = { TEXT: 'text', CSV: 'csv', XLSX: 'xlsx' };

@Resolver()
export class ImportResolver {
  constructor(private readonly importService: ImportService) {}

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => ImportReportType, {
    description:
      'Imports a council plan document (TEXT, CSV or XLSX): a new plan, or only the differences into an ' +
      'existing one. Problems (with line numbers) mean nothing is recorded.',
  })
  importPlan(
    @Args('input') input: ImportPlanInput,
    @Context() context: RequestContext,
  ): Promise<ImportReport> {
    const file = uploadedFile(input);
    if ('tooLarge' in file) return Promise.resolve(refusedReport(input, [file.tooLarge]));
    return this.importService.importPlan(
      {
        ...input,
        content: file.content,
        contentField: input.text === undefined || input.text === null ? 'base64' : 'text',
        format: PARSER_FORMATS[input.format],
      },
      context,
    );
  }
}
