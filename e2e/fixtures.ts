import { test as base, expect } from "@playwright/test";
import { closeDb, openDb } from "@/db/connection";
import { resetDatabase } from "@/db/reset";
import { SignInPage } from "./pages/sign-in-page";

export const ADMIN = { username: "admin", password: process.env.E2E_ADMIN_PASSWORD ?? "" };

interface Fixtures {
  /** Reset before every test: the demo catalog, in one transaction, on the server's own file. */
  resetDb: void;
  signInPage: SignInPage;
  /** A page already signed in as the demo admin. */
  adminPage: import("@playwright/test").Page;
}

export const test = base.extend<Fixtures>({
  resetDb: [
    async ({}, use) => {
      const db = openDb(process.env.E2E_DATABASE_PATH!);
      await resetDatabase(db, "demo");
      closeDb(db);
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
