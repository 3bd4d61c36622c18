import { expect, type Page } from "@playwright/test";
import { messageOf } from "./field-message";

/**
 * A password box by its label: password inputs have no ARIA role, and a required field's label
 * ends with its "*".
 */
const passwordBox = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}\\*?$`));
const textBox = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** System > Permissions > User Roles: the grid and New / Edit Role with its resource tree. */
export class RolesPage {
  constructor(private readonly page: Page) {}

  /** Through the menu, as an administrator finds it. */
  async open() {
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "User Roles" }).click();
    await expect(this.page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: "Roles" });
  }

  /**
   * Add New Role with Resource Access "Custom" and the resources ticked, each by its path in the
   * tree ("Stores", "Inventory", "Sources"): ticking one ticks what is below it.
   */
  async create(name: string, resources: string[][], yourPassword: string) {
    await this.page.getByRole("link", { name: "Add New Role" }).click();
    await textBox(this.page, "Role Name").fill(name);
    await expect(this.page.getByRole("combobox", { name: "Resource Access", exact: true })).toHaveValue("0");
    for (const path of resources) await this.resource(path).check();
    await passwordBox(this.page, "Your Password").fill(yourPassword);
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
  }

  /** A resource's checkbox, by its path: each branch is a group named by its parent. */
  resource(path: string[]) {
    let scope = this.page.getByRole("group", { name: "Resources" });
    for (const parent of path.slice(0, -1)) scope = scope.getByRole("group", { name: parent, exact: true });
    return scope.getByRole("checkbox", { name: path.at(-1)!, exact: true });
  }
}

/** System > Permissions > All Users: the grid and New / Edit User. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "All Users" }).click();
    await expect(this.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: "Users" });
  }

  row(username: string) {
    return this.table().getByRole("row").filter({ has: this.page.getByRole("cell", { name: username, exact: true }) });
  }

  async startNew() {
    await this.page.getByRole("link", { name: "Add New User" }).click();
    await expect(this.page.getByRole("heading", { name: "New User", level: 1 })).toBeVisible();
  }

  async fill(user: { username: string; firstName: string; lastName: string; email: string; password: string; role: string }) {
    await textBox(this.page, "User Name").fill(user.username);
    await textBox(this.page, "First Name").fill(user.firstName);
    await textBox(this.page, "Last Name").fill(user.lastName);
    await textBox(this.page, "Email").fill(user.email);
    await passwordBox(this.page, "Password").fill(user.password);
    await passwordBox(this.page, "Password Confirmation").fill(user.password);
    await this.page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: user.role });
  }

  async save(yourPassword: string) {
    await passwordBox(this.page, "Your Password").fill(yourPassword);
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
  }

  yourPasswordMessage() {
    return messageOf(passwordBox(this.page, "Your Password"));
  }
}

/** What the admin's role lets them see: the menu's links, section by section. */
export function menuLinks(page: Page) {
  return page.getByRole("navigation", { name: "Admin menu" }).getByRole("link");
}

/** Magento's refusal of a page the role does not grant. */
export function accessDenied(page: Page) {
  return page.getByRole("heading", { name: "Sorry, you need permissions to view this content.", level: 1 });
}
