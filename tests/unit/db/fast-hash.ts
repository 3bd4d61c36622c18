import type { ScryptParams } from "@/lib/auth/password";
import { AttemptThrottle } from "@/lib/auth/throttle";
import type { SignInAttemptContext } from "@/server/auth/sign-in";

/**
 * A cheap scrypt cost for test accounts: today's (N=2^17, 128 MiB, over half a second here) per
 * user and per rehash would make the suite slow. What the cost is gets its own test.
 */
export const TEST_PARAMS: ScryptParams = { N: 1024, r: 8, p: 1, keyLen: 64 };

/** A sign-in attempt from one address, with a throttle of its own that never interferes. */
export function attemptFrom(client = "203.0.113.7", more: Partial<SignInAttemptContext> = {}): SignInAttemptContext {
  return { client, throttle: new AttemptThrottle(1000, 60_000), params: TEST_PARAMS, ...more };
}
