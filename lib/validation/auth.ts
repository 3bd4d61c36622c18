import { z } from "zod";

export const REQUIRED = "This is a required field.";

export const signInSchema = z.object({
  username: z.string().trim().min(1, REQUIRED).max(255),
  password: z.string().min(1, REQUIRED).max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;
