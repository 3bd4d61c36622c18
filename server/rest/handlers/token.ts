import "server-only";
import { z } from "zod";
import { authenticate, clientAddress, issueSecret } from "@/server/auth/sign-in";
import { API_TOKEN_TTL_MS, SIGN_IN_ERROR } from "@/lib/auth/tokens";
import { signInSchema } from "@/lib/validation/auth";
import { requestBody } from "../body";
import { RestError, tooManyAttempts } from "../errors";
import { restRoute, type RestRoute } from "../router";

const credentials = requestBody(signInSchema.shape);

export const tokenRoutes: RestRoute[] = [
  restRoute({
    // The same check, lockout and per-client throttle as the admin sign-in page; the token lasts 4 hours.
    method: "POST",
    path: "integration/admin/token",
    resource: null,
    body: credentials,
    response: z.string().describe("The admin token, for `Authorization: Bearer <token>`."),
    async handler({ db, body, request }) {
      const { username, password } = await body();
      const result = await authenticate(db, username, password, { client: clientAddress(request.headers) });
      if (!result.ok) throw result.retryAfterSeconds ? tooManyAttempts(result.retryAfterSeconds) : new RestError(401, SIGN_IN_ERROR);
      return (await issueSecret(db, result.userId, "api", API_TOKEN_TTL_MS)).secret;
    },
  }),
];
