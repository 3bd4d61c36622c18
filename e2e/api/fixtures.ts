import { closeDb } from "@/db/connection";
import { clearSignInFailures, getAdminByUsername } from "@/db/queries/auth";
import { ADMIN, expect, openE2eDb, test as base } from "../fixtures";
import { RestClient } from "./rest-client";

interface ApiFixtures {
  /** An integration signed in with an admin token from POST /integration/admin/token. */
  api: RestClient;
  /** The same API without any token. */
  anonymous: RestClient;
}

export const test = base.extend<ApiFixtures>({
  anonymous: async ({ request }, use) => {
    await use(new RestClient(request, null));
  },
  api: async ({ anonymous }, use) => {
    const answer = await anonymous.post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password });
    expect(answer.status, "the demo admin gets a token").toBe(200);
    await use(anonymous.withToken(answer.body));
  },
});

/** Lifts a lockout the test caused: the demo admin survives database resets, its lock too. */
export async function unlockAdmin(): Promise<void> {
  const db = await openE2eDb();
  try {
    const admin = await getAdminByUsername(db, ADMIN.username);
    if (admin) await clearSignInFailures(db, admin.id);
  } finally {
    await closeDb(db);
  }
}

export { ADMIN, expect };
