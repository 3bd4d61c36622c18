import { describe, expect, it } from "vitest";
import {
  aclTree,
  ALL_ACCESS,
  descendantsOf,
  isAclResource,
  isAllowed,
  NO_ACCESS,
  parseResources,
  withAncestors,
  type AclResource,
  type AclTreeNode,
} from "@/lib/auth/acl";

const WAREHOUSE = { allResources: false, resources: withAncestors(["Magento_InventoryApi::source", "Magento_InventoryApi::stock", "Magento_Catalog::products"]) };

describe("isAllowed: All grants everything, Custom exactly its list", () => {
  it.each<[string, { allResources: boolean; resources: readonly string[] }, AclResource, boolean]>([
    ["All grants a leaf", ALL_ACCESS, "Magento_CatalogInventory::cataloginventory", true],
    ["All grants a Stockroom resource", ALL_ACCESS, "Stockroom_Preview::preview", true],
    ["no role grants nothing", NO_ACCESS, "Magento_Backend::dashboard", false],
    ["a listed resource", WAREHOUSE, "Magento_InventoryApi::source", true],
    ["an ancestor saved with a listed child", WAREHOUSE, "Magento_Backend::stores", true],
    ["an unlisted sibling", WAREHOUSE, "Magento_CatalogInventory::cataloginventory", false],
    ["a listed parent does not grant its unlisted child (Magento stores a rule per resource)", WAREHOUSE, "Magento_InventoryApi::source_edit", false],
    ["another branch", WAREHOUSE, "Magento_Sales::sales_order", false],
    ["Custom with All's flag off but an empty list", { allResources: false, resources: [] }, "Magento_Backend::dashboard", false],
  ])("%s", (_rule, role, resource, allowed) => {
    expect(isAllowed(role, resource)).toBe(allowed);
  });
});

describe("withAncestors: checking a child grants its parents (Magento's role tree)", () => {
  it.each<[string, string[], string[]]>([
    ["nothing", [], []],
    ["a top-level resource alone", ["Magento_Backend::dashboard"], ["Magento_Backend::dashboard"]],
    [
      "the configuration section brings Stores > Settings > Configuration",
      ["Magento_CatalogInventory::cataloginventory"],
      ["Magento_Backend::stores", "Magento_Backend::stores_settings", "Magento_Config::config", "Magento_CatalogInventory::cataloginventory"],
    ],
    [
      "Ship brings Sales > Operations > Orders > Actions",
      ["Magento_Sales::ship"],
      ["Magento_Sales::sales", "Magento_Sales::sales_operation", "Magento_Sales::sales_order", "Magento_Sales::actions", "Magento_Sales::ship"],
    ],
    ["in the tree's order, whatever the input's", ["Magento_User::acl_roles", "Magento_Backend::dashboard"], ["Magento_Backend::dashboard", "Magento_Backend::system", "Magento_User::acl", "Magento_User::acl_roles"]],
    ["duplicates once", ["Magento_Backend::dashboard", "Magento_Backend::dashboard"], ["Magento_Backend::dashboard"]],
    ["an unknown id is dropped", ["Magento_Backend::all", "Evil::x"], []],
  ])("%s", (_rule, ids, expected) => {
    expect(withAncestors(ids)).toEqual(expected);
  });
});

describe("descendantsOf: clearing a resource clears what is below it", () => {
  it.each<[AclResource, AclResource[]]>([
    ["Magento_Backend::dashboard", []],
    ["Magento_User::acl", ["Magento_User::acl_users", "Magento_User::acl_roles"]],
    ["Magento_Config::config", ["Magento_CatalogInventory::cataloginventory"]],
    [
      "Magento_InventoryApi::source",
      ["Magento_InventoryApi::source_edit"],
    ],
  ])("%s", (id, expected) => {
    expect(descendantsOf(id)).toEqual(expected);
  });
});

const flatten = (nodes: AclTreeNode[]): AclTreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe("the tree", () => {
  it("holds the resources the issue names, with Magento's ids, each once", () => {
    const ids = flatten(aclTree()).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "Magento_Backend::dashboard",
      "Magento_Sales::actions_view",
      "Magento_Sales::cancel",
      "Magento_Sales::ship",
      "Magento_Sales::creditmemo",
      "Magento_Catalog::products",
      "Magento_Reports::lowstock",
      "Magento_CatalogInventory::cataloginventory",
      "Magento_InventoryApi::source",
      "Magento_InventoryApi::stock",
      "Magento_Backend::store",
      "Stockroom_Webhooks::webhooks",
      "Magento_User::acl_users",
      "Magento_User::acl_roles",
      "Magento_Logging::magento_logging",
      "Magento_AdminNotification::show_list",
      "Magento_ImportExport::import",
      "Magento_ImportExport::export",
      "Stockroom_Preview::preview",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("starts with Magento's top-level order: Dashboard, Sales, Catalog, Reports, Stores, System, then the preview", () => {
    expect(aclTree().map((n) => n.label)).toEqual(["Dashboard", "Sales", "Catalog", "Reports", "Stores", "System", "Storefront Preview"]);
  });

  it("every node's children name it as their ancestor", () => {
    for (const node of flatten(aclTree())) {
      for (const child of node.children) expect(withAncestors([child.id])).toContain(node.id);
    }
  });
});

describe("parseResources: a stored list read back", () => {
  it.each<[string, string, string[]]>([
    ["a list of known ids", '["Magento_Backend::dashboard"]', ["Magento_Backend::dashboard"]],
    ["a resource that no longer exists grants nothing", '["Magento_Backend::dashboard","Gone::x"]', ["Magento_Backend::dashboard"]],
    ["not a list", '{"a":1}', []],
    ["not JSON", "dashboard", []],
    ["not text ids", "[1,null]", []],
  ])("%s", (_rule, json, expected) => {
    expect(parseResources(json)).toEqual(expected);
  });

  it("isAclResource knows the tree's ids only", () => {
    expect(isAclResource("Magento_Catalog::products")).toBe(true);
    expect(isAclResource("Magento_Backend::all")).toBe(false);
  });
});
