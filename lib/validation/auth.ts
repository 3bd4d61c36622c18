import { z } from "zod";
import { safeReturnPath } from "@/lib/auth/return-path";

export const REQUIRED = "This is a required field.";

export const signInSchema = z.object({
  // A missing or non-text value (a REST body) reads as missing, like an empty field.
  username: z
    .string({ error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .max(255)
    // No account has one, and PostgreSQL refuses to compare text holding a NUL.
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "Please enter a username without control characters."),
  password: z.string({ error: REQUIRED }).min(1, REQUIRED).max(1024),
});

/**
 * The sign-in page's form: the credentials and the page to go back to, which becomes undefined
 * (the dashboard) unless it is a path of this site. An unsafe one never refuses the sign-in.
 */
export const signInFormSchema = signInSchema.extend({
  // Optional outside the transform: zod refuses a missing key whose transform may give undefined.
  returnTo: z
    .unknown()
    .transform((value) => safeReturnPath(value))
    .optional(),
});
export type SignInFormInput = z.input<typeof signInFormSchema>;
export type SignInFormValues = z.output<typeof signInFormSchema>;

/** Magento's rules for an admin password: at least 7 characters, letters and digits. */
export const newPasswordSchema = z
  .string({ error: REQUIRED })
  .min(1, REQUIRED)
  .min(7, "Your password must be at least 7 characters.")
  .max(256, "Your password must be at most 256 characters.")
  .regex(/\p{L}/u, "Your password must include both numeric and alphabetic characters.")
  .regex(/\p{N}/u, "Your password must include both numeric and alphabetic characters.");

/** Account Setting's password change: the current password proves it is the admin at the keyboard. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: REQUIRED }).min(1, REQUIRED).max(1024),
    newPassword: newPasswordSchema,
    passwordConfirmation: z.string({ error: REQUIRED }).min(1, REQUIRED),
  })
  .refine((v) => v.passwordConfirmation === v.newPassword, {
    path: ["passwordConfirmation"],
    message: "Your password confirmation must match your password.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Your new password must differ from your current password.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
