import { stringify } from "csv-stringify/sync";

type CsvCell = string | number | null;

/**
 * CSV lines as every export of the app writes them: a text cell a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return, or their full-width forms) gets a
 * leading ' (csv-stringify's escape_formulas; OWASP "CSV Injection"). Numbers are passed as
 * numbers, so a negative quantity stays -5, not '-5.
 */
export function csvLines(rows: readonly CsvCell[][]): string {
  return stringify(rows as CsvCell[][], { escape_formulas: true });
}
