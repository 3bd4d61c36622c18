import "server-only";
import { z } from "zod";
import { Refusal } from "@/lib/refusal";
import { STORE_BUSY } from "@/lib/validation/result";

const parametersSchema = z.record(z.string(), z.union([z.string(), z.number()]));
type Parameters = z.output<typeof parametersSchema>;

const errorDetailSchema = z.strictObject({ message: z.string(), parameters: parametersSchema });
type ErrorDetail = z.output<typeof errorDetailSchema>;

/**
 * Magento's error answer: a phrase with %placeholders and the parameters that fill them
 * (clients render them, as Magento's own do). Validation failures also list every problem in
 * `errors`, as Magento's "Validation Failed" answers do; `message` is the first of them.
 */
export const errorBodySchema = errorDetailSchema.extend({ errors: z.array(errorDetailSchema).optional() });
type ErrorBody = z.output<typeof errorBodySchema>;

export type ErrorStatus = 400 | 401 | 404 | 413 | 429 | 500 | 503;

export class RestError extends Error {
  /** Seconds the client should wait before it tries again (the answer's Retry-After). */
  retryAfterSeconds?: number;

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

/** Long enough for a queue of writers to drain; short enough that a client retrying is not kept waiting. */
const BUSY_RETRY_AFTER_SECONDS = 2;

export const NO_ROUTE = "Request does not match any route.";

/** 429 with Retry-After: the client's sign-in throttle (server/auth/sign-in.ts). */
export function tooManyAttempts(retryAfterSeconds: number): RestError {
  const error = new RestError(429, "Too many failed sign-in attempts from your network address. Wait %seconds seconds, then try again.", {
    seconds: retryAfterSeconds,
  });
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
}

/**
 * 503 with Retry-After: the database could not take the call now (db/errors.ts isBusyError) and
 * rolled it back, so the client may simply send it again.
 */
export function storeBusy(): RestError {
  const error = new RestError(503, STORE_BUSY);
  error.retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS;
  return error;
}

export const notAuthorized = (resource: string) =>
  new RestError(401, "The consumer isn't authorized to access %resources.", { resources: resource });

/** A problem with one input field: "%fieldName: <message>", the field as a dotted path. */
function fieldDetail(path: string, message: string, parameters: Parameters = {}): ErrorDetail {
  return path === ""
    ? { message, parameters }
    : { message: `%fieldName: ${message}`, parameters: { ...parameters, fieldName: path } };
}

const MAX_LISTED = 50;

interface FieldProblem {
  /** Dotted path of the input ("" = the request as a whole). */
  path: string;
  message: string;
}

/** Problems with inputs as one 400: the first as the message, all (up to 50) in `errors`. */
function fieldsError(problems: readonly [FieldProblem, ...FieldProblem[]]): RestError {
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
function fieldError(path: string, phrase: string, parameters: Parameters = {}): RestError {
  const detail = fieldDetail(path, phrase, parameters);
  return new RestError(400, detail.message, detail.parameters, [detail]);
}

/**
 * A refused write as Magento answers it: 404 for the entity the URL names, otherwise 400 naming
 * the offending input by its dotted path in the request body (`bodyPath` maps the write's
 * own field names to the body's). An order line inventory-rules §4 refuses keeps the shopper's message and lists each check.
 */
export function fromRefusal(refusal: Refusal, bodyPath: (field: string) => string = (field) => field): RestError {
  if (refusal.kind === "not_found") return new RestError(404, refusal.phrase, { ...refusal.parameters });
  if (refusal.kind === "not_salable") {
    const details = refusal.details.map((d) => ({ message: d.message, parameters: { ...d.parameters } }));
    return new RestError(400, refusal.phrase, { ...refusal.parameters }, details.length > 0 ? details : undefined);
  }
  const at = (field: string) => (field === "" ? "" : bodyPath(field));
  const problems = Object.entries(refusal.fieldErrors).map(([field, message]) => ({ path: at(field), message }));
  if (refusal.field !== undefined || problems.length === 0) {
    return fieldError(refusal.field === undefined ? "" : at(refusal.field), refusal.phrase, { ...refusal.parameters });
  }
  const [first, ...rest] = problems;
  return fieldsError([first, ...rest]);
}
