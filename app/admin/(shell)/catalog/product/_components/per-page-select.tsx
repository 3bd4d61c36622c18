"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { GRID_LIMITS } from "@/lib/validation/product-grid";

/** Rows per page; changing it opens the first page of the same view at that size. */
export function PerPageSelect({ limit, hrefs }: { limit: number; hrefs: Record<number, string> }) {
  const router = useRouter();
  const t = useTranslations("Common");
  return (
    <label className="flex items-center gap-2 text-sm">
      {t("perPageLabel")}
      <select
        value={limit}
        onChange={(e) => router.push(hrefs[Number(e.target.value)])}
        className="border border-line bg-white px-2 py-1.5"
      >
        {GRID_LIMITS.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
