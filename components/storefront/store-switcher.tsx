import Link from "next/link";
import type { StoreView } from "@/db/queries/storefront";

interface Props {
  stores: StoreView[];
  current: string;
  hrefFor: (code: string) => string;
  /** "Store view" and "Store view:" in the page's language. */
  labels: { nav: string; lead: string };
}

/** Links to the same page in each store view, like a shop's language/store switcher. */
export function StoreSwitcher({ stores, current, hrefFor, labels }: Props) {
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">{labels.lead}</span>
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
