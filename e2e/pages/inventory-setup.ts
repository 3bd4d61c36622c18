import { openDb, type Tx } from "@/db/client";
import { refreshInventoryIndex } from "@/db/queries/inventory";
import { configData } from "@/db/schema";
import { fieldByKey, type InventoryConfigKey } from "@/lib/inventory";

type Scope = { scope: "default" | "websites" | "stores"; scopeId: number };
const DEFAULT_CONFIG: Scope = { scope: "default", scopeId: 0 };
const MAIN_WEBSITE: Scope = { scope: "websites", scopeId: 1 };
const DEFAULT_STORE_VIEW: Scope = { scope: "stores", scopeId: 1 };

/** Backorders "Allow Qty Below 0" (inventory-rules §1.1). */
const ALLOW_QTY_BELOW_0 = "1";

/**
 * The configuration changes (Stores > Configuration > Catalog > Inventory) the storefront and
 * order specs need. The configuration page is still being merged, so for now each step writes
 * what that screen would save, on the server's own database file, with the salable index
 * refreshed in the same transaction (as a save does). Swap each method to drive the real screen
 * once it exists; the specs call intent only. Product settings go through the product page
 * (ProductPage.saveAdvancedInventory).
 */
export class InventorySetup {
  private change(write: (tx: Tx) => void) {
    const db = openDb(process.env.E2E_DATABASE_PATH!);
    try {
      db.transaction(
        (tx) => {
          write(tx);
          refreshInventoryIndex(tx);
        },
        { behavior: "immediate" },
      );
    } finally {
      db.$client.close();
    }
  }

  private setConfig(tx: Tx, at: Scope, key: InventoryConfigKey, value: string) {
    tx.insert(configData)
      .values({ ...at, path: fieldByKey(key).path, value })
      .onConflictDoUpdate({ target: [configData.scope, configData.scopeId, configData.path], set: { value } })
      .run();
  }

  /**
   * The seed walk's configuration (Stores > Configuration > Catalog > Inventory): Default Config
   * Backorders "Allow Qty Below 0", Out-of-Stock Threshold −50; Main Website Only X left Threshold 5.
   */
  useSeedConfiguration() {
    this.change((tx) => {
      this.setConfig(tx, DEFAULT_CONFIG, "backorders", ALLOW_QTY_BELOW_0);
      this.setConfig(tx, DEFAULT_CONFIG, "minQty", "-50");
      this.setConfig(tx, MAIN_WEBSITE, "stockThresholdQty", "5");
    });
  }

  /** Display Out of Stock Products (Default Config). */
  displayOutOfStockProducts(yes: boolean) {
    this.change((tx) => this.setConfig(tx, DEFAULT_CONFIG, "showOutOfStock", yes ? "1" : "0"));
  }

  /** Display Products Availability in Stock on Storefront for the Default Store View. */
  displayAvailabilityOnDefaultStoreView(yes: boolean) {
    this.change((tx) => this.setConfig(tx, DEFAULT_STORE_VIEW, "displayProductStockStatus", yes ? "1" : "0"));
  }
}
