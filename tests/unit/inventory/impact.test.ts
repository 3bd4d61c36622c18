import { describe, expect, it } from "vitest";
import {
  changeHasImpact,
  configImpact,
  impactSentence,
  productImpact,
  resolveConfig,
  type ConfigChange,
  type ImpactCategory,
  type ImpactChannel,
  type ImpactProduct,
  type ImpactSettings,
  type StockSnapshot,
} from "@/lib/inventory";
import { snap, source } from "./fixtures";

/** Default Config rows from `item_options/...` or `options/...` keys. */
function config(values: Record<string, string> = {}) {
  return resolveConfig(
    Object.entries(values).map(([path, value]) => ({ scope: "default", scopeId: 0, path: `cataloginventory/${path}`, value })),
    null,
  );
}

const USE_CONFIG: ImpactSettings = {
  manageStock: true,
  useConfigManageStock: true,
  minQty: 0,
  useConfigMinQty: true,
  backorders: 0,
  useConfigBackorders: true,
};

function product(id: number, snapshot: StockSnapshot | null, settings: Partial<ImpactSettings> = {}): ImpactProduct {
  return { id, settings: { ...USE_CONFIG, ...settings }, snapshots: new Map(snapshot ? [[1, snapshot]] : []) };
}

const channel = (onlyXLeftBefore = 0, onlyXLeftAfter = onlyXLeftBefore): ImpactChannel[] => [
  { stockId: 1, onlyXLeftBefore, onlyXLeftAfter },
];

const SEED = { "item_options/backorders": "1", "item_options/min_qty": "-50" };
const BACKORDERS_OFF = { "item_options/backorders": "0", "item_options/min_qty": "-50" };

describe("productImpact: what a config change does to one product", () => {
  it.each<[string, ImpactProduct, Record<string, string>, Record<string, string>, ImpactChannel[], ImpactCategory[]]>([
    [
      "§2 seed case: backorders off keeps qty 25 salable (75 → 25) but it stops accepting backorders",
      product(1, snap([source(25)])),
      SEED,
      BACKORDERS_OFF,
      channel(5),
      ["backordersStop"],
    ],
    [
      "§2 seed case after 70 ordered: salable 5 → not salable once backorders are off, and Only 5 left goes",
      product(1, snap([source(25)], -70)),
      SEED,
      BACKORDERS_OFF,
      channel(5),
      ["outOfStock", "backordersStop", "onlyXLeftStop"],
    ],
    [
      "§1.3 a positive threshold without backorders takes qty 3 out of stock",
      product(1, snap([source(3)])),
      {},
      { "item_options/min_qty": "5" },
      channel(),
      ["outOfStock"],
    ],
    [
      "§3 backorders never rescue a product whose every source item is Out of Stock",
      product(1, snap([source(0, 0)])),
      {},
      { "item_options/backorders": "1" },
      channel(),
      [],
    ],
    [
      "§3 manage stock off makes an Out of Stock item salable (no backorders: stock is not tracked)",
      product(1, snap([source(0, 0)])),
      {},
      { "item_options/manage_stock": "0" },
      channel(),
      ["salable"],
    ],
    [
      "§3 a backorder allowance makes an In Stock qty 0 salable and accept backorders",
      product(1, snap([source(0)])),
      {},
      { "item_options/backorders": "1", "item_options/min_qty": "-10" },
      channel(),
      ["salable", "backordersStart"],
    ],
    [
      "§6 Only X left starts when the salable figure falls to the website's threshold",
      product(1, snap([source(25)])),
      SEED,
      BACKORDERS_OFF,
      channel(30),
      ["backordersStop", "onlyXLeftStart"],
    ],
    [
      "§6 raising the website's Only X left Threshold shows it for salable 8",
      product(1, snap([source(8)])),
      {},
      {},
      channel(5, 10),
      ["onlyXLeftStart"],
    ],
    [
      "§6 Decision: unlimited backorders (threshold 0) hide Only X left",
      product(1, snap([source(3)])),
      {},
      { "item_options/backorders": "1" },
      channel(5),
      ["backordersStart", "onlyXLeftStop"],
    ],
    [
      "§6 manage stock off hides Only X left and ends backorders",
      product(1, snap([source(3)])),
      { "item_options/backorders": "1", "item_options/min_qty": "-10" },
      { "item_options/backorders": "1", "item_options/min_qty": "-10", "item_options/manage_stock": "0" },
      channel(20),
      ["backordersStop", "onlyXLeftStop"],
    ],
    [
      "§1.3 a product with its own Backorders ignores the global change",
      product(1, snap([source(25)]), { backorders: 1, useConfigBackorders: false }),
      SEED,
      BACKORDERS_OFF,
      channel(5),
      [],
    ],
    [
      "§1.3 an own threshold still follows the global Backorders through the clamp",
      product(1, snap([source(3)]), { minQty: 5, useConfigMinQty: false }),
      { "item_options/backorders": "1" },
      {},
      channel(),
      ["outOfStock", "backordersStop"],
    ],
    [
      "§2 not assigned to the website's stock: never salable, whatever the settings",
      product(1, null),
      {},
      { "item_options/manage_stock": "0" },
      channel(5, 10),
      [],
    ],
    [
      "§6 a disabled Only X left (0) stays off",
      product(1, snap([source(3)])),
      {},
      {},
      channel(0, 0),
      [],
    ],
  ])("%s", (_name, item, before, after, channels, expected) => {
    const change: ConfigChange = { before: config(before), after: config(after), channels };
    expect(productImpact(item, change)).toEqual(expected);
  });

  it("counts a product once per category even when several websites see the change", () => {
    const twoStocks: ImpactProduct = {
      id: 7,
      settings: USE_CONFIG,
      snapshots: new Map([
        [1, snap([source(3)])],
        [2, snap([source(4, 1, true, "eu")])],
      ]),
    };
    const change: ConfigChange = {
      before: config(),
      after: config({ "item_options/min_qty": "5" }),
      channels: [
        { stockId: 1, onlyXLeftBefore: 0, onlyXLeftAfter: 0 },
        { stockId: 2, onlyXLeftBefore: 0, onlyXLeftAfter: 0 },
      ],
    };
    expect(productImpact(twoStocks, change)).toEqual(["outOfStock"]);
  });
});

describe("configImpact: the whole catalog", () => {
  const catalog = [
    product(5, snap([source(3)])),
    product(2, snap([source(1)])),
    product(9, snap([source(100)])),
    product(4, snap([source(0, 0)])),
  ];
  const change: ConfigChange = {
    before: config(),
    after: config({ "item_options/min_qty": "5" }),
    channels: channel(),
  };

  it("counts each category and lists the affected ids ascending", () => {
    const impact = configImpact(catalog, change);
    expect(impact.checked).toBe(4);
    expect(impact.counts).toEqual({
      outOfStock: 2,
      salable: 0,
      backordersStart: 0,
      backordersStop: 0,
      onlyXLeftStart: 0,
      onlyXLeftStop: 0,
    });
    expect(impact.ids.outOfStock).toEqual([2, 5]);
  });

  it("keeps at most idLimit ids per category but counts them all", () => {
    const impact = configImpact(catalog, change, 1);
    expect(impact.counts.outOfStock).toBe(2);
    expect(impact.ids.outOfStock).toEqual([5]);
  });

  it("resolves each settings combination once yet agrees with product-by-product results", () => {
    const mixed = [
      product(1, snap([source(3)]), { minQty: 2, useConfigMinQty: false }),
      product(2, snap([source(3)]), { minQty: 4, useConfigMinQty: false }),
      product(3, snap([source(3)]), { backorders: 1, useConfigBackorders: false }),
      product(4, snap([source(3)]), { manageStock: false, useConfigManageStock: false }),
      product(5, snap([source(3)])),
      product(6, snap([source(3)]), { minQty: 4, useConfigMinQty: false }),
    ];
    const moved: ConfigChange = {
      before: config({ "item_options/backorders": "1", "item_options/min_qty": "-5" }),
      after: config({ "item_options/min_qty": "-5" }),
      channels: channel(5),
    };
    const impact = configImpact(mixed, moved);
    for (const item of mixed) {
      const categories = productImpact(item, moved);
      for (const category of Object.keys(impact.ids) as ImpactCategory[]) {
        expect(impact.ids[category].includes(item.id)).toBe(categories.includes(category));
      }
    }
    // Own threshold 2 < 3 stays salable, own threshold 4 ≥ 3 goes out of stock (inventory-rules §1.3, §3).
    expect(impact.ids.outOfStock).toEqual([2, 6]);
  });

  it("reads any iterable, e.g. a generator streaming chunks", () => {
    function* stream() {
      yield* catalog;
    }
    expect(configImpact(stream(), change).counts.outOfStock).toBe(2);
  });
});

describe("changeHasImpact", () => {
  it.each<[string, Record<string, string>, Record<string, string>, ImpactChannel[], boolean]>([
    ["nothing changed", SEED, SEED, channel(5), false],
    ["a field the preview does not cover (Notify for Quantity Below)", {}, { "item_options/notify_stock_qty": "9" }, channel(), false],
    ["Backorders", SEED, BACKORDERS_OFF, channel(), true],
    ["Manage Stock", {}, { "item_options/manage_stock": "0" }, channel(), true],
    ["Out-of-Stock Threshold", {}, { "item_options/min_qty": "2" }, channel(), true],
    ["a website's Only X left Threshold", {}, {}, channel(5, 6), true],
  ])("%s → %s", (_name, before, after, channels, expected) => {
    expect(changeHasImpact({ before: config(before), after: config(after), channels })).toBe(expected);
  });
});

describe("impactSentence", () => {
  it.each<[ImpactCategory, number, string]>([
    ["outOfStock", 1, "1 product becomes out of stock"],
    ["outOfStock", 2, "2 products become out of stock"],
    ["salable", 1, "1 product becomes salable"],
    ["salable", 0, "0 products become salable"],
    ["backordersStart", 3, "3 products start accepting backorders"],
    ["backordersStop", 8, "8 products stop accepting backorders"],
    ["backordersStop", 1, "1 product stops accepting backorders"],
    ["backordersStart", 76729, "76,729 products start accepting backorders"],
    ["onlyXLeftStart", 2, '2 products start showing "Only X left"'],
    ["onlyXLeftStop", 1, '1 product stops showing "Only X left"'],
  ])("%s × %i", (category, count, sentence) => {
    expect(impactSentence(category, count)).toBe(sentence);
  });
});
