import { describe, expect, it } from "vitest";
import { fieldByKey, type InventoryConfigKey } from "@/lib/inventory";
import {
  canonicalConfigValue,
  configFormSchema,
  configValueError,
  configValueIssues,
  configScopeIdParam,
  configValuesSchema,
  minMaxSaleQtyError,
  type ConfigForm,
} from "@/lib/validation/config";
import { fieldErrorsOf } from "@/lib/validation/result";

const VALID = "Please enter a valid number in this field.";
const GT0 = "Please enter a number greater than 0 in this field.";
const DECIMALS = "Quantity increments can't use decimals. Enter a new increment and try again.";
const REQUIRED = "This is a required field.";
const P = "cataloginventory";

describe("configValueError: inventory-rules §1.1 values column and messages", () => {
  it.each<[InventoryConfigKey, string, string | null]>([
    ["minQty", "-50", null],
    ["minQty", " 2.5 ", null],
    ["minQty", "abc", VALID],
    ["minQty", "1e3", VALID],
    ["minQty", "0x10", VALID],
    ["minQty", "", REQUIRED],
    ["stockThresholdQty", "5", null],
    ["notifyStockQty", "-1", null],
    ["maxSaleQty", "0", GT0],
    ["maxSaleQty", "-3", GT0],
    ["maxSaleQty", "0.5", null],
    ["minSaleQty", "0", null],
    // Magento puts validate-greater-than-zero on the field: a negative gets that class's message.
    ["minSaleQty", "-1", GT0],
    ["qtyIncrements", "5", null],
    ["qtyIncrements", "2.5", DECIMALS],
    ["qtyIncrements", "0", GT0],
    ["qtyIncrements", "x", VALID],
    ["backorders", "2", null],
    ["backorders", "3", "Please select an option."],
    ["manageStock", "0", null],
    ["manageStock", "yes", "Please select an option."],
  ])("%s %j → %s", (key, input, message) => {
    expect(configValueError(fieldByKey(key), input)).toBe(message);
  });

  it("stores numbers in canonical form, other values trimmed", () => {
    expect(canonicalConfigValue(fieldByKey("minQty"), " -50.0 ")).toBe("-50");
    expect(canonicalConfigValue(fieldByKey("minQty"), "-0")).toBe("0");
    expect(canonicalConfigValue(fieldByKey("backorders"), " 1")).toBe("1");
  });
});

describe("minMaxSaleQtyError (issue: Min above Max blocks the save)", () => {
  it.each<[number, number, boolean]>([
    [1, 10000, false],
    [5, 5, false],
    [6, 5, true],
    [6, 0, false],
  ])("min %d, max %d → blocked %s", (min, max, blocked) => {
    expect(minMaxSaleQtyError(min, max) !== null).toBe(blocked);
  });

  it("names both fields and the maximum", () => {
    expect(minMaxSaleQtyError(20, 10)).toBe(
      "The Minimum Qty Allowed in Shopping Cart can't be greater than the Maximum Qty Allowed in Shopping Cart (10).",
    );
  });
});

describe("configValueIssues: a values map for one scope (form, action and REST)", () => {
  it("accepts valid values and null (inherit) for fields of the scope", () => {
    expect(
      configValueIssues("default", { [`${P}/item_options/backorders`]: "1", [`${P}/item_options/min_qty`]: null }),
    ).toEqual([]);
    expect(configValueIssues("websites", { [`${P}/options/stock_threshold_qty`]: "5" })).toEqual([]);
    expect(configValueIssues("stores", { [`${P}/options/display_product_stock_status`]: "0" })).toEqual([]);
  });

  it("refuses unknown paths, fields the scope does not show and null where there is no inherit checkbox", () => {
    expect(
      configValueIssues("websites", {
        [`${P}/item_options/backorders`]: "1",
        "web/secure/base_url": "x",
        [`${P}/options/stock_threshold_qty`]: "many",
      }),
    ).toEqual([
      { path: `${P}/item_options/backorders`, message: "Backorders can't be set at this scope." },
      { path: "web/secure/base_url", message: '"web/secure/base_url" is not a setting of Catalog > Inventory.' },
      { path: `${P}/options/stock_threshold_qty`, message: VALID },
    ]);
    expect(configValueIssues("stores", { [`${P}/options/stock_threshold_qty`]: "5" })).toEqual([
      { path: `${P}/options/stock_threshold_qty`, message: "Only X left Threshold can't be set at this scope." },
    ]);
    expect(configValueIssues("default", { [`${P}/item_options/auto_return`]: null })).toEqual([
      { path: `${P}/item_options/auto_return`, message: REQUIRED },
    ]);
  });
});

describe("configValuesSchema: {scope, scopeId, values} as REST receives it", () => {
  it("canonicalises values and takes numbers too", () => {
    const parsed = configValuesSchema.parse({
      scope: "default",
      scopeId: 0,
      values: { [`${P}/item_options/min_qty`]: -50, [`${P}/item_options/notify_stock_qty`]: "10.0", [`${P}/item_options/max_sale_qty`]: null },
    });
    expect(parsed.values).toEqual({
      [`${P}/item_options/min_qty`]: "-50",
      [`${P}/item_options/notify_stock_qty`]: "10",
      [`${P}/item_options/max_sale_qty`]: null,
    });
  });

  it("keys issues by values.<path> and checks the scope id's shape", () => {
    const result = configValuesSchema.safeParse({
      scope: "default",
      scopeId: 1,
      values: { [`${P}/item_options/max_sale_qty`]: "0" },
    });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      scopeId: "This scope does not exist.",
      [`values.${P}/item_options/max_sale_qty`]: GT0,
    });
    expect(configValuesSchema.safeParse({ scope: "websites", scopeId: 0, values: {} }).success).toBe(false);
    expect(configValuesSchema.safeParse({ scope: "global", scopeId: 0, values: {} }).success).toBe(false);
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["no values at all", undefined, { values: REQUIRED }],
    ["values as a list", [], { values: "Please send an object of setting paths and their values." }],
    ["values as text", "1", { values: "Please send an object of setting paths and their values." }],
    [
      "a value that is neither text, a number nor null",
      { [`${P}/item_options/manage_stock`]: true },
      { [`values.${P}/item_options/manage_stock`]: "Please send the value as text or a number, or null to inherit it." },
    ],
  ])("refuses %s with a message a person can act on", (_name, values, errors) => {
    const result = configValuesSchema.safeParse({ scope: "default", scopeId: 0, values });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual(errors);
  });
});

describe("configScopeIdParam: the scope id of a configuration URL", () => {
  it.each<[string, number | string]>([
    ["0", 0],
    ["1", 1],
    ["abc", VALID],
    ["1.5", "Please enter a valid integer in this field."],
    ["-1", "Please enter a number 0 or greater in this field."],
  ])("%s → %s", (input, expected) => {
    const result = configScopeIdParam.safeParse(input);
    if (typeof expected === "number") expect(result.data).toBe(expected);
    else expect(result.error?.issues.map((i) => i.message)).toEqual([expected]);
  });
});

/** The Default Config form as the demo data loads it, with `edits` applied. */
function demoForm(edits: Partial<ConfigForm["fields"]> = {}): ConfigForm {
  return {
    scope: "default",
    scopeId: 0,
    fields: {
      backorders: { inherit: false, value: "1" },
      minQty: { inherit: false, value: "-50" },
      maxSaleQty: { inherit: true, value: "10000" },
      minSaleQty: { inherit: true, value: "1" },
      enableQtyIncrements: { inherit: true, value: "0" },
      qtyIncrements: { inherit: true, value: "1" },
      autoReturn: { inherit: false, value: "0" },
      ...edits,
    },
    loaded: {
      backorders: "1",
      minQty: "-50",
      maxSaleQty: null,
      minSaleQty: null,
      enableQtyIncrements: null,
      qtyIncrements: null,
      autoReturn: null,
    },
  };
}

describe("configFormSchema: the page's form, parsed by the client resolver and the server action", () => {
  it("outputs only what changed, with what the merchant saw stored", () => {
    expect(configFormSchema.parse(demoForm())).toEqual({ scope: "default", scopeId: 0, values: {}, expected: {} });
    expect(
      configFormSchema.parse(
        demoForm({ backorders: { inherit: false, value: "0" }, minQty: { inherit: true, value: "0" } }),
      ),
    ).toEqual({
      scope: "default",
      scopeId: 0,
      values: { [`${P}/item_options/backorders`]: "0", [`${P}/item_options/min_qty`]: null },
      expected: { [`${P}/item_options/backorders`]: "1", [`${P}/item_options/min_qty`]: "-50" },
    });
  });

  it("auto_return (no inherit checkbox) showing its system default with nothing stored is no change; Yes is", () => {
    expect(configFormSchema.parse(demoForm({ autoReturn: { inherit: false, value: "0" } })).values).toEqual({});
    const parsed = configFormSchema.parse(demoForm({ autoReturn: { inherit: false, value: "1" } }));
    expect(parsed.values).toEqual({ [`${P}/item_options/auto_return`]: "1" });
    expect(parsed.expected).toEqual({ [`${P}/item_options/auto_return`]: null });
  });

  it("puts Magento's message under the offending field and refuses the whole form", () => {
    const result = configFormSchema.safeParse(
      demoForm({ backorders: { inherit: false, value: "0" }, maxSaleQty: { inherit: false, value: "0" } }),
    );
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ "fields.maxSaleQty.value": GT0 });
  });

  it("does not check an inherited field's text: it is not saved", () => {
    expect(configFormSchema.safeParse(demoForm({ minQty: { inherit: true, value: "" } })).success).toBe(true);
  });

  it("inventory-rules §1.1: Qty Increments counts only while Enable Qty Increments is Yes", () => {
    const hidden = demoForm({ qtyIncrements: { inherit: false, value: "2.5" } });
    expect(configFormSchema.parse(hidden).values).toEqual({});
    const shown = demoForm({
      enableQtyIncrements: { inherit: false, value: "1" },
      qtyIncrements: { inherit: false, value: "2.5" },
    });
    expect(fieldErrorsOf(configFormSchema.safeParse(shown).error!)).toEqual({ "fields.qtyIncrements.value": DECIMALS });
  });

  it("Minimum Qty above Maximum Qty (as the inputs show them, inherited or not) blocks the save", () => {
    const result = configFormSchema.safeParse(demoForm({ minSaleQty: { inherit: false, value: "20000" } }));
    expect(fieldErrorsOf(result.error!)).toEqual({
      "fields.minSaleQty.value":
        "The Minimum Qty Allowed in Shopping Cart can't be greater than the Maximum Qty Allowed in Shopping Cart (10000).",
    });
  });

  it("refuses fields the scope does not show and keys it never heard of", () => {
    const website = { ...demoForm(), scope: "websites" as const, scopeId: 1 };
    expect(fieldErrorsOf(configFormSchema.safeParse(website).error!)["fields.backorders.value"]).toBe(
      "Backorders can't be set at this scope.",
    );
    const unknown = { ...demoForm(), fields: { ...demoForm().fields, bogus: { inherit: false, value: "1" } } };
    expect(configFormSchema.safeParse(unknown).success).toBe(false);
  });
});
