import "server-only";
import { authenticate, issueSecret } from "@/server/auth/sign-in";
import { API_TOKEN_TTL_MS, SIGN_IN_ERROR } from "@/lib/auth/tokens";
import { signInSchema } from "@/lib/validation/auth";
import { parseOr400, requestBody } from "../body";
import { RestError } from "../errors";
import type { RestRoute } from "../router";

const credentials = requestBody(signInSchema.shape);

export const tokenRoutes: RestRoute[] = [
  {
    // The same check and lockout as the admin sign-in page; the token lasts 4 hours.
    method: "POST",
    path: "integration/admin/token",
    resource: null,
    async handler({ db, json }) {
      const { username, password } = parseOr400(credentials, await json());
      const result = await authenticate(db, username, password);
      if (!result.ok) throw new RestError(401, SIGN_IN_ERROR);
      return (await issueSecret(db, result.userId, "api", API_TOKEN_TTL_MS)).secret;
    },
  },
];
