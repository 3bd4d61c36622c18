import { describe, expect, it } from "vitest";
import { menuFor, startPage } from "@/components/admin/menu";
import { ALL_ACCESS, descendantsOf, NO_ACCESS, withAncestors, type AclResource } from "@/lib/auth/acl";

const role = (...ids: AclResource[]) => ({ allResources: false, resources: withAncestors(ids.flatMap((id) => [id, ...descendantsOf(id)])) });
const shown = (acl: Parameters<typeof menuFor>[0]) => menuFor(acl).map((s) => `${s.label}: ${s.items.map((i) => i.label).join(", ")}`);

describe("the admin menu shows what the role grants", () => {
  it.each([
    ["Administrators: every section", ALL_ACCESS, ["Dashboard", "Sales", "Catalog", "Reports", "Stores", "System"], "/admin/dashboard"],
    [
      "Warehouse: products, sources and stocks only",
      role("Magento_InventoryApi::source", "Magento_InventoryApi::stock", "Magento_Catalog::products"),
      ["Catalog", "Stores"],
      "/admin/catalog/product",
    ],
    ["Sales: the orders", role("Magento_Sales::sales"), ["Sales"], "/admin/sales/order"],
    ["no role: nothing, and Account Setting to land on", NO_ACCESS, [], "/admin/system_account"],
  ])("%s", (_rule, acl, sections, start) => {
    expect(menuFor(acl).map((s) => s.label)).toEqual(sections);
    expect(startPage(acl)).toBe(start);
  });

  it("Warehouse's Stores section lists Sources and Stocks, not Configuration", () => {
    expect(shown(role("Magento_InventoryApi::source", "Magento_InventoryApi::stock", "Magento_Catalog::products"))).toEqual([
      "Catalog: Products",
      "Stores: Sources, Stocks",
    ]);
  });
});
