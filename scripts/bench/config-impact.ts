/**
 * The configuration page's impact preview on a 100,000-product catalog (issue: "answers within
 * about a second"). Builds a temp database with db/generate.ts, stores the demo's settings
 * (Backorders "Allow Qty Below 0", threshold −50, Main Website Only X left 5), then times
 * getConfigImpact — the whole server side of the preview — for the four settings it covers.
 * `npm run bench -- config-impact`; PRODUCTS=20000 for a quicker run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb, transaction } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { saveConfigValues } from "@/db/queries/config";
import { getConfigImpact } from "@/db/queries/config-impact";
import { seed } from "@/db/seed";
import type { Scope } from "@/lib/inventory";

const PRODUCTS = Number(process.env.PRODUCTS ?? 100_000);
const RUNS = 7;
const P = "cataloginventory";

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-bench-config-"));
  const db = await openDb(path.join(dir, "bench.db"));
  try {
    let started = performance.now();
    await transaction(db, (tx) => seed(tx, "none"));
    const demoSettings = (scope: Scope, scopeId: number, values: Record<string, string>) =>
      saveConfigValues(db, { scope, scopeId, values, actor: null });
    await demoSettings("default", 0, { [`${P}/item_options/backorders`]: "1", [`${P}/item_options/min_qty`]: "-50" });
    await demoSettings("websites", 1, { [`${P}/options/stock_threshold_qty`]: "5" });
    await transaction(db, (tx) => generateCatalog(tx, { products: PRODUCTS, sources: 3, reservationsPer100: 150, seed: 42 }));
    console.log(`Generated ${PRODUCTS} products in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const scenarios: { name: string; scope: Scope; scopeId: number; values: Record<string, string> }[] = [
      { name: "Backorders → No Backorders", scope: "default", scopeId: 0, values: { [`${P}/item_options/backorders`]: "0" } },
      { name: "Out-of-Stock Threshold −50 → 10", scope: "default", scopeId: 0, values: { [`${P}/item_options/min_qty`]: "10" } },
      { name: "Manage Stock → No", scope: "default", scopeId: 0, values: { [`${P}/item_options/manage_stock`]: "0" } },
      { name: "Main Website Only X left 5 → 50", scope: "websites", scopeId: 1, values: { [`${P}/options/stock_threshold_qty`]: "50" } },
    ];
    for (const scenario of scenarios) {
      const times: number[] = [];
      let summary = "";
      for (let run = 0; run < RUNS; run++) {
        started = performance.now();
        const impact = await getConfigImpact(db, scenario);
        times.push(performance.now() - started);
        summary = impact
          ? Object.entries(impact.counts)
              .filter(([, n]) => n > 0)
              .map(([category, n]) => `${category} ${n}`)
              .join(", ")
          : "no impact";
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      console.log(
        `${scenario.name}: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms over ${RUNS} runs (${summary})`,
      );
    }

    started = performance.now();
    await saveConfigValues(db, { ...scenarios[0], actor: null });
    console.log(`Saving Backorders → No Backorders (history, status switch, index of every product): ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    await closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
