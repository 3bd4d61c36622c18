import common from "./en-US/messages-common.json";
import config from "./en-US/messages-config.json";
import products from "./en-US/messages-products.json";
import storefront from "./en-US/messages-storefront.json";
import stores from "./en-US/messages-stores.json";
import system from "./en-US/messages-system.json";

/**
 * The English `Messages` namespace on its own: the browser finds an English message's entry in it
 * (message-translator.ts) without loading every catalog; the reader's own catalog comes with the
 * page (NextIntlClientProvider).
 */
export const ENGLISH_MESSAGES = { ...common, ...config, ...products, ...system, ...storefront, ...stores };
