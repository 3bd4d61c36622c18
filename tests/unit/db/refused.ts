import { Refusal } from "@/lib/refusal";

/** The Refusal a write throws; anything else it throws, or its success, fails the test. */
export async function refused(write: Promise<unknown>): Promise<Refusal> {
  try {
    await write;
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error("expected the write to be refused");
}
