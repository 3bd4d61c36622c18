type Reservation = { ok: true; release: () => void } | { ok: false; retryAfterMs: number };

/**
 * Failed attempts per key (a client address) in a sliding window: at most `limit` in any
 * `windowMs`. An attempt reserves its place before it is checked, so parallel attempts cannot
 * all slip under the limit; one that succeeds gives its place back (a person who signs in is
 * never slowed by their own sign-ins). Memory is bounded: at most `maxKeys` keys, the least
 * recently used dropped first. Plain data and an injected clock: no I/O, no timers.
 */
export class AttemptThrottle {
  // Map order is recency of use: the first key is the one touched longest ago.
  private readonly attempts = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  reserve(key: string, now: number): Reservation {
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    this.attempts.delete(key);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return { ok: false, retryAfterMs: recent[0] + this.windowMs - now };
    }
    recent.push(now);
    this.attempts.set(key, recent);
    this.evict(now);
    return { ok: true, release: () => this.release(key, now) };
  }

  private release(key: string, at: number) {
    const list = this.attempts.get(key);
    const index = list?.indexOf(at) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
  }

  private evict(now: number) {
    if (this.attempts.size <= this.maxKeys) return;
    for (const [key, list] of this.attempts) {
      if (list.every((at) => at <= now - this.windowMs)) this.attempts.delete(key);
    }
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= this.maxKeys) break;
      this.attempts.delete(key);
    }
  }
}
