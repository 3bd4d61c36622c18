import "server-only";
import { z } from "zod";
import { runImport } from "@/db/queries/import";
import {
  checkedSummary,
  DATA_INVALID,
  errorLine,
  ImportRefusal,
  VALIDATION_STRATEGIES,
  type ImportReport,
} from "@/lib/catalog-csv";
import { REQUIRED } from "@/lib/validation/auth";
import { magentoObject } from "@/lib/validation/fields";
import { importBehaviorField, importEntityField } from "@/lib/validation/import";
import { parseOr400, readJson, requestBody } from "../body";
import { importAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;
const base64Field = z.string({ error: "Please send the CSV file base64-encoded in this field." }).regex(BASE64, {
  error: "Please send the CSV file base64-encoded in this field.",
});
const strategyField = z.enum(VALIDATION_STRATEGIES, { error: `Please choose one of ${VALIDATION_STRATEGIES.join(", ")} in this field.` });
const WHOLE = "Please enter a whole number 0 or greater in this field.";
/** Magento declares a string; clients send "10" or 10. */
const countField = z
  .union([z.number(), z.string().regex(/^\s*\d{1,9}\s*$/)], { error: WHOLE })
  .transform(Number)
  .pipe(z.number().int({ error: WHOLE }).min(0, { error: WHOLE }));
const separatorField = z.string().regex(/^[^"\r\n]$/, { error: "Please enter one character (not a quote or a line break) in this field." });

/**
 * Magento's SourceDataInterface. Its REST layer takes each field in camelCase or snake_case, so
 * both spellings are accepted; the fields Stockroom has no use for are accepted and ignored.
 */
const sourceData = magentoObject(
  {
    entity: importEntityField,
    behavior: importBehaviorField,
    validationStrategy: strategyField.optional(),
    validation_strategy: strategyField.optional(),
    allowedErrorCount: countField.optional(),
    allowed_error_count: countField.optional(),
    csvData: base64Field.optional(),
    csv_data: base64Field.optional(),
    importFieldSeparator: separatorField.optional(),
    import_field_separator: separatorField.optional(),
  },
  ["locale", "import_multiple_value_separator", "import_empty_attribute_value_constant", "import_images_file_dir"],
).transform((source, ctx) => {
  const csvData = source.csvData ?? source.csv_data;
  if (csvData === undefined) {
    ctx.addIssue({ code: "custom", path: ["csvData"], message: REQUIRED });
    return z.NEVER;
  }
  return {
    entity: source.entity,
    behavior: source.behavior,
    skipErrors: (source.validationStrategy ?? source.validation_strategy) === "validation-skip-errors",
    allowedErrors: source.allowedErrorCount ?? source.allowed_error_count ?? 0,
    delimiter: source.importFieldSeparator ?? source.import_field_separator ?? ",",
    csvData,
  };
});

const importBody = requestBody({ source: sourceData });

/** A file of up to 48 MB as base64 (4 bytes per 3), with room for the rest of the body; larger files go through the admin page. */
const MAX_REST_FILE_BYTES = 48 * 1024 * 1024;
const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_REST_FILE_BYTES / 3) * 4 + 64 * 1024;

/** The file decoded a megabyte at a time: never more of it in memory than the base64 text and one chunk. */
function* base64Chunks(data: string): Generator<Buffer> {
  const text = /[\r\n]/.test(data) ? data.replace(/[\r\n]/g, "") : data;
  const step = 1024 * 1024;
  for (let at = 0; at < text.length; at += step) yield Buffer.from(text.slice(at, at + step), "base64");
}

async function* asAsync(chunks: Iterable<Buffer>): AsyncGenerator<Buffer> {
  yield* chunks;
}

/** The answer of an import that went through: Magento's count, then the rows skipped for errors. */
function importedAnswer(report: ImportReport): string[] {
  const skipped = report.invalidRows === 0 ? [] : [`Skipped rows: ${report.invalidRows}, total errors: ${report.totalErrors}`, ...listedErrors(report)];
  return [`Entities Processed: ${report.entities}`, ...skipped];
}

function listedErrors(report: ImportReport): string[] {
  const more = report.totalErrors - report.errors.length;
  return [...report.errors.map(errorLine), ...(more > 0 ? [`and ${more} more`] : [])];
}

export const importRoutes: RestRoute[] = [
  restRoute({
    // Magento answers its messages with 200 whether the import went through or not, as here;
    // a body that cannot be read at all is a 400 as for every call.
    method: "POST",
    path: "import/csv",
    resource: "Magento_ImportExport::import",
    body: importBody,
    response: importAnswer,
    bodyPath: (field) => `source.${field}`,
    async handler({ db, request, admin }) {
      // Read here rather than through body(): a file is allowed a larger body than other calls.
      const { source } = parseOr400(importBody, await readJson(request, MAX_IMPORT_BODY_BYTES));
      try {
        const report = await runImport(db, {
          entity: source.entity,
          behavior: source.behavior,
          file: asAsync(base64Chunks(source.csvData)),
          delimiter: source.delimiter,
          strategy: { skipErrors: source.skipErrors, allowedErrors: source.allowedErrors },
          actor: admin && { id: admin.id, username: admin.username, via: "import" },
          origin: "REST API (POST /V1/import/csv)",
        });
        return importedAnswer(report);
      } catch (error) {
        if (!(error instanceof ImportRefusal)) throw error;
        return [`${DATA_INVALID} Nothing was imported.`, checkedSummary(error.report), ...listedErrors(error.report)];
      }
    },
  }),
];
