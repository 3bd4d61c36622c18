"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Fragment } from "react";
import { configPageHref } from "./scope-route";

interface ScopeOptions {
  websites: { id: number; name: string; groups: { id: number; name: string; stores: { id: number; name: string }[] }[] }[];
}

/**
 * "Scope:" like Magento's: Default Config, then each website with its store groups' store views.
 * Choosing one opens the page at that scope.
 */
export function ScopeSwitcher({ tree, current }: { tree: ScopeOptions; current: string }) {
  const t = useTranslations("Config");
  const router = useRouter();
  return (
    <div className="flex items-center gap-3">
      <label htmlFor="scope-switcher" className="text-sm font-semibold">
        {t("scopeLabel")}
      </label>
      <select
        id="scope-switcher"
        // Uncontrolled: the choice stays shown while the chosen scope loads.
        key={current}
        defaultValue={current}
        onChange={(event) => router.push(event.target.value)}
        className="min-w-64 border border-line bg-white px-3 py-2 text-sm"
      >
        <option value={configPageHref("default", 0)}>{t("defaultConfig")}</option>
        {tree.websites.map((website) => (
          <Fragment key={website.id}>
            <option value={configPageHref("websites", website.id)}>{website.name}</option>
            {website.groups.map((group) => (
              <optgroup key={group.id} label={group.name}>
                {group.stores.map((store) => (
                  <option key={store.id} value={configPageHref("stores", store.id)}>
                    {store.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Fragment>
        ))}
      </select>
    </div>
  );
}
