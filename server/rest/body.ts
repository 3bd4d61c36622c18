import "server-only";
import { z } from "zod";
import { RestError, validationError } from "./errors";

/** Larger bodies are refused before parsing: 10,000 source items fit in well under 5 MB. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const DECODING_ERROR = "Decoding error.";

/** The request body as JSON (an empty body is `{}`), or a 400 / 413 Magento-style error; a call carrying a file may allow more. */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new RestError(400, DECODING_ERROR);
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new RestError(400, DECODING_ERROR);
  }
}

const tooLarge = (max: number) => new RestError(413, "The request body is larger than %max bytes.", { max });

/**
 * The schema of a whole request body: exactly these top-level keys (a misspelt one is refused,
 * not ignored), plus Magento's own `ignored` keys Stockroom accepts and does not keep, and a
 * clear answer when the body is not an object at all.
 */
export function requestBody<T extends z.ZodRawShape, const I extends readonly string[] = readonly []>(shape: T, ignored?: I) {
  const ignoredShape = Object.fromEntries((ignored ?? []).map((key) => [key, z.unknown().optional()])) as Record<
    I[number],
    z.ZodOptional<z.ZodUnknown>
  >;
  return z.strictObject({ ...ignoredShape, ...shape }, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") return `Unknown field(s): ${iss.keys.join(", ")}.`;
      if (iss.code === "invalid_type") return "The request body must be a JSON object.";
      return undefined;
    },
  });
}

/** Parses `value` with `schema` or throws the 400 listing every problem. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, prefix = ""): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}
