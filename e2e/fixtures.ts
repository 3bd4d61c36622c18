import { test as base, expect } from "@playwright/test";
import { closeDb, openDb, type Db } from "@/db/connection";
import { resetDatabase } from "@/db/reset";
import type { SeedKind } from "@/db/seed";
import { SignInPage } from "./pages/sign-in-page";

export const ADMIN = { username: "admin", password: process.env.E2E_ADMIN_PASSWORD ?? "" };

/**
 * Opens the server's own database, a SQLite file or a PostgreSQL URL: E2E_DATABASE, set by
 * playwright.config.ts (E2E_DATABASE_PATH, its name before PostgreSQL, still works).
 */
export function openE2eDb(): Promise<Db> {
  const location = process.env.E2E_DATABASE ?? process.env.E2E_DATABASE_PATH;
  if (!location) throw new Error("E2E_DATABASE is not set: run Playwright with playwright.config.ts.");
  return openDb(location);
}

/** The server's database reset to a seed kind, in one transaction: "demo" adds the Belgium website and its Dutch store view. */
export async function resetTo(kind: SeedKind): Promise<void> {
  const db = await openE2eDb();
  try {
    await resetDatabase(db, kind);
  } finally {
    await closeDb(db);
  }
}

interface Fixtures {
  /** Reset before every test: the demo catalog on the Main Website alone ("catalog"), in one transaction, on the server's own database. */
  resetDb: void;
  signInPage: SignInPage;
  /** A page already signed in as the demo admin. */
  adminPage: import("@playwright/test").Page;
}

export const test = base.extend<Fixtures>({
  resetDb: [
    async ({}, use) => {
      await resetTo("catalog");
      await use();
    },
    { auto: true },
  ],
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  adminPage: async ({ page, signInPage }, use) => {
    await signInPage.goto();
    await signInPage.signIn(ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(/\/admin\/dashboard$/);
    await use(page);
  },
});

export { expect };
