import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  goto() {
    return this.page.goto("/admin");
  }

  async signIn(username: string, password: string) {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in and waits for the server's answer: attempts sent one after another are decided in that order. */
  async signInAndWait(username: string, password: string) {
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/admin");
    await this.signIn(username, password);
    await answered;
  }

  error() {
    return this.page.locator("form").getByRole("alert");
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign Out" }).click();
  }
}
