import { describe, expect, it } from "vitest";
import { AttemptThrottle } from "@/lib/auth/throttle";

const reserveMany = (throttle: AttemptThrottle, key: string, n: number, now: number) =>
  Array.from({ length: n }, () => throttle.reserve(key, now));

describe("per-client sign-in throttle (sliding window)", () => {
  it("lets `limit` attempts through in a window and refuses the next, with how long to wait", () => {
    const throttle = new AttemptThrottle(3, 60_000);
    expect(reserveMany(throttle, "a", 3, 1_000).every((r) => r.ok)).toBe(true);
    expect(throttle.reserve("a", 21_000)).toEqual({ ok: false, retryAfterMs: 40_000 });
    // Another address is not slowed by the first.
    expect(throttle.reserve("b", 21_000).ok).toBe(true);
  });

  it("slides: each failure leaves the window a window after it was made", () => {
    const throttle = new AttemptThrottle(2, 60_000);
    throttle.reserve("a", 0);
    throttle.reserve("a", 30_000);
    expect(throttle.reserve("a", 59_999).ok).toBe(false);
    expect(throttle.reserve("a", 60_001).ok).toBe(true);
    expect(throttle.reserve("a", 60_002)).toEqual({ ok: false, retryAfterMs: 29_998 });
  });

  it("counts parallel attempts when they start, so a burst cannot slip under the limit", () => {
    const throttle = new AttemptThrottle(10, 60_000);
    const burst = reserveMany(throttle, "a", 100, 5_000);
    expect(burst.filter((r) => r.ok)).toHaveLength(10);
  });

  it("gives a successful attempt's place back: signing in never slows the one who signs in", () => {
    const throttle = new AttemptThrottle(2, 60_000);
    for (let i = 0; i < 10; i++) {
      const slot = throttle.reserve("a", 1_000 + i);
      if (!slot.ok) throw new Error(`refused at sign-in ${i}`);
      slot.release();
    }
    expect(reserveMany(throttle, "a", 2, 2_000).every((r) => r.ok)).toBe(true);
    expect(throttle.reserve("a", 2_000).ok).toBe(false);
  });

  it("keeps at most maxKeys addresses, forgetting the least recently seen", () => {
    const throttle = new AttemptThrottle(1, 60_000, 3);
    for (const key of ["a", "b", "c", "d"]) throttle.reserve(key, 0);
    // "a" was dropped to make room for "d"; "d" is still counted.
    expect(throttle.reserve("a", 1).ok).toBe(true);
    expect(throttle.reserve("d", 1).ok).toBe(false);
  });
});
