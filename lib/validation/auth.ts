import { z } from "zod";

export const REQUIRED = "This is a required field.";

export const signInSchema = z.object({
  // A missing or non-text value (a REST body) reads as missing, like an empty field.
  username: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(255),
  password: z.string({ error: REQUIRED }).min(1, REQUIRED).max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;
