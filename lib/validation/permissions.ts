import { z } from "zod";
import { isAclResource } from "@/lib/auth/acl";
import { LOCALE_CODES, LOCALES, type LocaleCode } from "@/lib/i18n/locales";
import { newPasswordSchema, REQUIRED } from "./auth";
import { booleanField, idField, textField } from "./fields";

/** System > Permissions: the New / Edit User and the New / Edit Role forms, parsed by the browser and the server alike. */

/** The Interface Locale select's choices: the locales Stockroom speaks (lib/i18n/locales.ts). */
export const INTERFACE_LOCALES = LOCALES.map((l) => ({ value: l.code, label: l.label }));
export type InterfaceLocale = LocaleCode;

const interfaceLocale = z.enum(LOCALE_CODES, { error: "Please choose an Interface Locale." });

const EMAIL_MESSAGE = "Please enter a valid email address (Ex: johndoe@domain.com).";
const CONFIRMATION_MESSAGE = "Your password confirmation must match your password.";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// No account has one, and PostgreSQL refuses to compare text holding a NUL.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** "Your Password": the signed-in admin proves it is them at the keyboard (Magento's identity check). */
const currentPassword = z.string({ error: REQUIRED }).min(1, REQUIRED).max(1024);

/** Magento's column sizes: username 40, names 32, email 128. */
const userFields = {
  username: textField(40).refine((name) => !CONTROL.test(name), "Please enter a username without control characters."),
  firstName: textField(32),
  lastName: textField(32),
  email: textField(128).refine((email) => EMAIL.test(email), EMAIL_MESSAGE),
  passwordConfirmation: z.string().max(256),
  roleId: idField(),
  interfaceLocale,
  isActive: booleanField(),
  currentPassword,
};

const confirmed = (v: { password?: string; passwordConfirmation: string }) => (v.password ?? "") === v.passwordConfirmation;
const CONFIRMED = { path: ["passwordConfirmation"], message: CONFIRMATION_MESSAGE };

/** New User: a password is required. */
export const newUserSchema = z.object({ ...userFields, password: newPasswordSchema }).refine(confirmed, CONFIRMED);

/** Edit User: an empty New Password keeps the password. */
export const editUserSchema = z
  .object({ ...userFields, password: z.preprocess((v) => (v === "" || v === null ? undefined : v), newPasswordSchema.optional()) })
  .refine(confirmed, CONFIRMED);

export type UserFormInput = z.input<typeof editUserSchema>;
export type UserValues = z.output<typeof editUserSchema>;

/** The role form: "Resource Access" All, or Custom with the ticked resources (the server adds their ancestors). */
export const roleSchema = z.object({
  roleName: textField(50),
  allResources: booleanField(),
  // Only the tree's own ids: anything else is a page from an older version of the app.
  resources: z.array(z.string().max(200).refine(isAclResource)).max(500),
  currentPassword,
});
export type RoleFormInput = z.input<typeof roleSchema>;
export type RoleValues = z.output<typeof roleSchema>;

/**
 * Account Setting's Interface Locale: the signed-in admin's own language. It changes no access
 * and no credential, so it needs no "Your Password" (the password change beside it does).
 */
export const accountLocaleSchema = z.object({ interfaceLocale });
export type AccountLocaleValues = z.output<typeof accountLocaleSchema>;

/** `/admin/user/edit/user_id/{id}`, `/admin/user_role/editrole/rid/{id}` and the ids an action names. */
export const permissionIdParam = idField();
