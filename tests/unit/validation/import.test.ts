import { describe, expect, it } from "vitest";
import { csvRowCounter, importRefused, unescapeFormula, type ImportReport } from "@/lib/catalog-csv";
import { mergeStockItem } from "@/lib/validation/import";
import { DEFAULT_PRODUCT_SETTINGS, SYSTEM_DEFAULT_CONFIG } from "@/lib/inventory";

describe("csvRowCounter: the progress bar's total, counted as the upload arrives", () => {
  it.each([
    ["a header alone", "sku,qty\n", 0],
    ["two rows, the last without a line break", "sku,qty\nA,1\nB,2", 2],
    ["CRLF line breaks", "sku,qty\r\nA,1\r\nB,2\r\n", 2],
    ["a line break inside quotes is not a row", 'sku,qty\n"A\nB",1\n', 1],
    ["a doubled quote inside quotes", 'sku,qty\n"A ""x"" B",1\nC,2\n', 2],
  ])("counts %s", (_name, text, rows) => {
    const counter = csvRowCounter();
    const bytes = Buffer.from(text);
    // One byte at a time: a chunk may end anywhere.
    for (const byte of bytes) counter.add(Uint8Array.of(byte));
    expect(counter.rows()).toBe(rows);
  });
});

describe("unescapeFormula: what an export's formula escape (lib/csv.ts) put before a value comes off", () => {
  it.each([
    ["'=SUM(A1)", "=SUM(A1)"],
    ["'-5", "-5"],
    ["'@home", "@home"],
    ["'quoted", "'quoted"],
    ["SR-CAP", "SR-CAP"],
  ])("%s → %s", (cell, value) => expect(unescapeFormula(cell)).toBe(value));
});

describe("importRefused: Magento's Validation Strategy and Allowed Errors Count", () => {
  const report = (totalErrors: number, fileError = false) => ({ totalErrors, fileError }) as ImportReport;
  it.each([
    ["no error", report(0), { skipErrors: false, allowedErrors: 0 }, false],
    ["one error, Stop on Error", report(1), { skipErrors: false, allowedErrors: 0 }, true],
    ["one error within the allowed count", report(1), { skipErrors: false, allowedErrors: 1 }, false],
    ["two errors over the allowed count", report(2), { skipErrors: false, allowedErrors: 1 }, true],
    ["any number of errors, Skip error entries", report(500), { skipErrors: true, allowedErrors: 0 }, false],
    ["a problem with the file itself, whatever the strategy", report(1, true), { skipErrors: true, allowedErrors: 10 }, true],
  ])("%s", (_name, r, strategy, refused) => expect(importRefused(r, strategy)).toBe(refused));
});

describe("mergeStockItem: a row over the stored stock item, as the product page saves it", () => {
  const stored = { qty: 10, isInStock: true, ...DEFAULT_PRODUCT_SETTINGS, minQty: 7 };
  const config = { ...SYSTEM_DEFAULT_CONFIG, minQty: -20 };

  it("takes a field off Use Config Settings with the global value, unless the row gives its own", () => {
    expect(mergeStockItem(stored, { useConfigMinQty: false }, config).item).toMatchObject({ minQty: -20, useConfigMinQty: false });
    expect(mergeStockItem(stored, { useConfigMinQty: false, minQty: 3 }, config).item).toMatchObject({ minQty: 3 });
    // Left on Use Config Settings, the stored value stays: nothing reads it.
    expect(mergeStockItem(stored, { qty: 4 }, config).item).toMatchObject({ qty: 4, minQty: 7, useConfigMinQty: true });
  });

  it("answers the page's cross-field rules under the CSV's column names", () => {
    expect(mergeStockItem(stored, { qty: 2.5 }, config).problems).toEqual([{ column: "qty", message: "Please enter a valid integer in this field." }]);
    expect(mergeStockItem(stored, { isQtyDecimal: true, qty: 2.5 }, config).problems).toEqual([]);
  });
});
