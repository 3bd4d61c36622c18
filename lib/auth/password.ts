import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt from Node's crypto (OpenSSL): a vetted memory-hard KDF, no native addon to build.
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLen: number;
}

/**
 * OWASP's password storage cheat sheet: scrypt with N=2^17, r=8, p=1 (128 MiB per hash). New
 * hashes and every rehash use these; a hash made with other parameters still verifies (they
 * travel in the hash) and is replaced at the next successful sign-in.
 */
export const PASSWORD_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLen: 64 };

// A stored hash names its own cost: refuse absurd ones rather than allocate gigabytes.
const MAX_N = 2 ** 20;

/**
 * scrypt needs 128·N·r bytes; Node refuses above `maxmem` (32 MiB by default, less than
 * N=2^17 needs), so each call allows what its own parameters need, plus slack.
 */
function options({ N, r, p }: ScryptParams): ScryptOptions {
  return { N, r, p, maxmem: 128 * N * r + 16 * 1024 * 1024 };
}

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, params.keyLen, options(params), (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** "scrypt$N$r$p$salt$hash", base64url parts: the parameters travel with the hash. */
function format(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

interface Parsed {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const [alg, n, r, p, saltB64, keyB64] = stored.split("$");
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (alg !== "scrypt" || !saltB64 || !keyB64) return null;
  if (![N, R, P].every(Number.isSafeInteger) || N < 2 || N > MAX_N || R < 1 || R > 32 || P < 1 || P > 16) return null;
  const key = Buffer.from(keyB64, "base64url");
  return { params: { N, r: R, p: P, keyLen: key.length }, salt: Buffer.from(saltB64, "base64url"), key };
}

/** `params` other than PASSWORD_PARAMS only in tests, where a 128 MiB hash per user is too slow. */
export async function hashPassword(password: string, params: ScryptParams = PASSWORD_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  return format(params, salt, await scryptAsync(password, salt, params));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with other parameters than `params` (an older, cheaper cost). */
export function needsRehash(stored: string, params: ScryptParams = PASSWORD_PARAMS): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p, keyLen } = parsed.params;
  return N !== params.N || r !== params.r || p !== params.p || keyLen !== params.keyLen;
}

/** A password for a generated first admin: 18 random bytes, URL-safe. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/** Synchronous variant for start-up (creating the first admin before the server serves). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(PASSWORD_PARAMS, salt, scryptSync(password, salt, PASSWORD_PARAMS.keyLen, options(PASSWORD_PARAMS)));
}
