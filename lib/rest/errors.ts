import type { z } from "zod";
import { QueryError } from "@/db/queries/errors";

export type Parameters = Record<string, string | number>;

export interface ErrorDetail {
  message: string;
  parameters: Parameters;
}

/**
 * Magento's error answer: a phrase with %placeholders and the parameters that fill them
 * (clients render them, as Magento's own do). Validation failures also list every problem in
 * `errors`, as Magento's "Validation Failed" answers do; `message` is the first of them.
 */
export interface ErrorBody extends ErrorDetail {
  errors?: ErrorDetail[];
}

export type ErrorStatus = 400 | 401 | 404 | 413 | 500 | 503;

export class RestError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly phrase: string,
    readonly parameters: Parameters = {},
    readonly errors?: ErrorDetail[],
  ) {
    super(phrase);
    this.name = "RestError";
  }

  body(): ErrorBody {
    return { message: this.phrase, parameters: this.parameters, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export const NO_ROUTE = "Request does not match any route.";

export const notAuthorized = (resource: string) =>
  new RestError(401, "The consumer isn't authorized to access %resources.", { resources: resource });

/** A problem with one input field: "%fieldName: <message>", the field as a dotted path. */
function fieldDetail(path: string, message: string, parameters: Parameters = {}): ErrorDetail {
  return path === ""
    ? { message, parameters }
    : { message: `%fieldName: ${message}`, parameters: { ...parameters, fieldName: path } };
}

const MAX_LISTED = 50;

export interface FieldProblem {
  /** Dotted path of the input ("" = the request as a whole). */
  path: string;
  message: string;
}

/** Problems with inputs as one 400: the first as the message, all (up to 50) in `errors`. */
export function fieldsError(problems: readonly [FieldProblem, ...FieldProblem[]]): RestError {
  const details = problems.slice(0, MAX_LISTED).map((problem) => fieldDetail(problem.path, problem.message));
  const [first] = details;
  return new RestError(400, first.message, first.parameters, details);
}

/** zod issues as one 400 (see fieldsError), their paths under `prefix`. */
export function validationError(error: z.ZodError, prefix = ""): RestError {
  const [first, ...rest] = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== "").join("."),
    message: issue.message,
  }));
  return fieldsError([first, ...rest]);
}

/** A 400 about one input, named by its dotted path ("" = the request as a whole). */
export function fieldError(path: string, phrase: string, parameters: Parameters = {}): RestError {
  const detail = fieldDetail(path, phrase, parameters);
  return new RestError(400, detail.message, detail.parameters, [detail]);
}

/** A refused write or unknown entity from db/queries: 404 or 400, the field path prefixed. */
export function fromQueryError(error: QueryError, prefix = ""): RestError {
  if (error.kind === "not_found") return new RestError(404, error.phrase, { ...error.parameters });
  const path = [prefix, error.field ?? ""].filter((p) => p !== "").join(".");
  return fieldError(path, error.phrase, { ...error.parameters });
}
