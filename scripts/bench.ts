/**
 * `npm run bench`: runs every benchmark in scripts/bench/ in its own process and prints their
 * figures. Benchmarks print numbers; nothing here asserts a timing.
 * `npm run bench -- product-grid` runs only the named ones; flags after the names go to each.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.join(import.meta.dirname, "bench");
// Names first, then the flags handed to each benchmark: `npm run bench -- scale --products 1000000`.
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith("--"));
const only = firstFlag === -1 ? args : args.slice(0, firstFlag);
const flags = firstFlag === -1 ? [] : args.slice(firstFlag);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
if (files.length === 0) {
  console.log("No benchmarks found in scripts/bench/.");
}
for (const file of files) {
  console.log(`\n── ${file} ──`);
  execFileSync(process.execPath, ["--import", "tsx", path.join(dir, file), ...flags], { stdio: "inherit" });
}
