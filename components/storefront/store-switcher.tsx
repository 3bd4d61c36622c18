import Link from "next/link";
import type { StoreView } from "@/db/queries/storefront";

/** Links to the same page in each store view, like a shop's language/store switcher. */
export function StoreSwitcher({ stores, current, hrefFor }: { stores: StoreView[]; current: string; hrefFor: (code: string) => string }) {
  return (
    <nav aria-label="Store view" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">Store view:</span>
      {stores.map((store) =>
        store.code === current ? (
          <span key={store.code} aria-current="page" className="font-semibold">
            {store.name}
          </span>
        ) : (
          <Link key={store.code} href={hrefFor(store.code)} className="text-[#006bb4] underline hover:no-underline">
            {store.name}
          </Link>
        ),
      )}
    </nav>
  );
}
