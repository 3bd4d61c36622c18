import "server-only";
import { z } from "zod";
import { listStoreGroups, listStoreViewsAll, listWebsites } from "@/db/queries/stores";
import { parseOr400 } from "../body";
import { storeConfigAnswer, storeGroupAnswer, storeViewAnswer, websiteAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

/** Magento_Store's webapi.xml guards its reads with the Stores resource. */
const STORES = "Magento_Backend::stores";

/** Magento's `storeCodes[]=…` filter of storeConfigs; none = every store view. */
const storeConfigsQuery = z.object({ "storeCodes[]": z.array(z.string().max(255)).max(1000).optional() });

/**
 * What Stockroom has no setting for yet answers as the shop runs today: US dollars (the
 * storefront's prices), times in UTC. docs/api.md lists this among the differences.
 */
const SHOP_DEFAULTS = { base_currency_code: "USD", default_display_currency_code: "USD", timezone: "UTC" };

export const storeRoutes: RestRoute[] = [
  restRoute({
    // Magento lists the admin website (id 0) too; Stockroom has no admin scope to list.
    method: "GET",
    path: "store/websites",
    resource: STORES,
    response: z.array(websiteAnswer),
    async handler({ db }) {
      return (await listWebsites(db)).map((w) => ({ id: w.id, code: w.code, name: w.name, default_group_id: w.defaultGroupId ?? 0 }));
    },
  }),
  restRoute({
    method: "GET",
    path: "store/storeGroups",
    resource: STORES,
    response: z.array(storeGroupAnswer),
    async handler({ db }) {
      return (await listStoreGroups(db)).map((g) => ({
        id: g.id,
        website_id: g.websiteId,
        // Stockroom has no categories: no root category.
        root_category_id: 0,
        default_store_id: g.defaultStoreId ?? 0,
        name: g.name,
        code: g.code,
      }));
    },
  }),
  restRoute({
    method: "GET",
    path: "store/storeViews",
    resource: STORES,
    response: z.array(storeViewAnswer),
    async handler({ db }) {
      return (await listStoreViewsAll(db)).map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        website_id: s.websiteId,
        store_group_id: s.groupId,
        is_active: s.isActive ? 1 : 0,
      }));
    },
  }),
  restRoute({
    method: "GET",
    path: "store/storeConfigs",
    resource: STORES,
    query: storeConfigsQuery,
    response: z.array(storeConfigAnswer),
    async handler({ db, query, request }) {
      const { "storeCodes[]": codes } = parseOr400(storeConfigsQuery, { "storeCodes[]": query.getAll("storeCodes[]") });
      const origin = `${new URL(request.url).origin}/`;
      const views = (await listStoreViewsAll(db)).filter((s) => !codes?.length || codes.includes(s.code));
      return views.map((s) => ({
        id: s.id,
        code: s.code,
        website_id: s.websiteId,
        locale: s.locale,
        ...SHOP_DEFAULTS,
        base_url: origin,
        base_link_url: origin,
        secure_base_url: origin,
        secure_base_link_url: origin,
      }));
    },
  }),
];
