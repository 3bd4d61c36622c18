import enUSCommon from "./en-US/common.json";
import enUSShell from "./en-US/shell.json";
import enUSConfig from "./en-US/config.json";
import enUSReports from "./en-US/reports.json";
import enUSProducts from "./en-US/products.json";
import enUSInventory from "./en-US/inventory.json";
import enUSSales from "./en-US/sales.json";
import enUSSystem from "./en-US/system.json";
import enUSStores from "./en-US/stores.json";
import enUSStorefront from "./en-US/storefront.json";
import nlNLCommon from "./nl-NL/common.json";
import nlNLShell from "./nl-NL/shell.json";
import nlNLConfig from "./nl-NL/config.json";
import nlNLReports from "./nl-NL/reports.json";
import nlNLProducts from "./nl-NL/products.json";
import nlNLInventory from "./nl-NL/inventory.json";
import nlNLSales from "./nl-NL/sales.json";
import nlNLSystem from "./nl-NL/system.json";
import nlNLStores from "./nl-NL/stores.json";
import nlNLStorefront from "./nl-NL/storefront.json";
import nlNLMessagesCommon from "./nl-NL/messages-common.json";
import nlNLMessagesConfig from "./nl-NL/messages-config.json";
import nlNLMessagesProducts from "./nl-NL/messages-products.json";
import nlNLMessagesSystem from "./nl-NL/messages-system.json";
import nlNLMessagesStorefront from "./nl-NL/messages-storefront.json";
import nlNLMessagesStores from "./nl-NL/messages-stores.json";
import { ENGLISH_MESSAGES } from "./english-messages";
import type { LocaleTag } from "./locales";

/**
 * The message catalogs, one JSON file per namespace and locale, written by us (a Dutch merchant's
 * terms, not a machine's). `Messages` gathers the texts that reach a screen as English strings
 * (validation, refusals, shopper notices: lib/i18n/translate-message.ts) from one file per area.
 * Typing the Dutch catalog as the English one makes a key missing in Dutch a type error;
 * tests/unit/i18n/catalogs.test.ts checks both ways and the placeholders.
 */
const enUS = {
  Common: enUSCommon,
  Shell: enUSShell,
  Config: enUSConfig,
  Reports: enUSReports,
  Products: enUSProducts,
  Inventory: enUSInventory,
  Sales: enUSSales,
  System: enUSSystem,
  Stores: enUSStores,
  Storefront: enUSStorefront,
  Messages: ENGLISH_MESSAGES,
};

export type Catalog = typeof enUS;

const nlNL: Catalog = {
  Common: nlNLCommon,
  Shell: nlNLShell,
  Config: nlNLConfig,
  Reports: nlNLReports,
  Products: nlNLProducts,
  Inventory: nlNLInventory,
  Sales: nlNLSales,
  System: nlNLSystem,
  Stores: nlNLStores,
  Storefront: nlNLStorefront,
  Messages: { ...nlNLMessagesCommon, ...nlNLMessagesConfig, ...nlNLMessagesProducts, ...nlNLMessagesSystem, ...nlNLMessagesStorefront, ...nlNLMessagesStores },
};

export const CATALOGS: Record<LocaleTag, Catalog> = { "en-US": enUS, "nl-NL": nlNL };
