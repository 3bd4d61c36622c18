"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useId, useMemo, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { MASS_UPDATE_PATH, MAX_SELECTED_IDS, massSelectionParams } from "@/lib/validation/mass-update";
import type { ProductGridQuery } from "@/lib/validation/product-grid";

/**
 * "Select All" = every product the view's search and filters match, on any page: kept as that
 * (less the rows unticked since), never as a list of ids, so the server finds them again.
 */
type Selection = { all: false; ids: ReadonlySet<number> } | { all: true; excluded: ReadonlySet<number> };

const NONE: Selection = { all: false, ids: new Set() };

function withRows(selection: Selection, ids: readonly number[], on: boolean): Selection {
  const next = new Set(selection.all ? selection.excluded : selection.ids);
  // In "all" mode the set holds the unticked rows: ticking removes from it.
  for (const id of ids) if (on !== selection.all) next.add(id); else next.delete(id);
  return selection.all ? { all: true, excluded: next } : { all: false, ids: next };
}

const isSelected = (selection: Selection, id: number) => (selection.all ? !selection.excluded.has(id) : selection.ids.has(id));

interface GridSelectionState {
  selection: Selection;
  setSelection: (selection: Selection) => void;
  total: number;
  pageIds: readonly number[];
  grid: Pick<ProductGridQuery, "q" | "filters">;
}

const Context = createContext<GridSelectionState | null>(null);

function useGridSelection(): GridSelectionState {
  const state = useContext(Context);
  if (!state) throw new Error("useGridSelection outside GridSelection");
  return state;
}

const countOf = ({ selection, total }: GridSelectionState) => (selection.all ? total - selection.excluded.size : selection.ids.size);

/**
 * The grid's selection, across its pages and sorts: the grid keys it by its search and filters,
 * so another view starts with none selected.
 */
export function GridSelection({ total, pageIds, grid, children }: Omit<GridSelectionState, "selection" | "setSelection"> & { children: React.ReactNode }) {
  const [selection, setSelection] = useState<Selection>(NONE);
  const value = useMemo(() => ({ selection, setSelection, total, pageIds, grid }), [selection, total, pageIds, grid]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** " (3 selected)" after "N records found", as Magento's grid says it. */
export function SelectedCount() {
  const t = useTranslations("Products.grid");
  const count = countOf(useGridSelection());
  return count > 0 ? <> {t("selectedCount", { count })}</> : null;
}

/** The header's box: every row of this page, ticked or not; mixed while some are. */
export function SelectPageBox() {
  const t = useTranslations("Products.grid");
  const { selection, setSelection, pageIds } = useGridSelection();
  const ticked = pageIds.filter((id) => isSelected(selection, id)).length;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = ticked > 0 && ticked < pageIds.length;
  }, [ticked, pageIds.length]);
  return (
    <label className="flex items-center">
      <span className="sr-only">{t("selectAllOnPage")}</span>
      <input
        ref={box}
        type="checkbox"
        checked={pageIds.length > 0 && ticked === pageIds.length}
        disabled={pageIds.length === 0}
        onChange={(e) => setSelection(withRows(selection, pageIds, e.target.checked))}
        className="h-4 w-4 accent-accent focus-visible:outline-white"
      />
    </label>
  );
}

export function SelectRowBox({ id, sku }: { id: number; sku: string }) {
  const t = useTranslations("Products.grid");
  const { selection, setSelection } = useGridSelection();
  return (
    <label className="flex items-center">
      <span className="sr-only">{t("selectRow", { sku })}</span>
      <input
        type="checkbox"
        checked={isSelected(selection, id)}
        onChange={(e) => setSelection(withRows(selection, [id], e.target.checked))}
        className="h-4 w-4 accent-accent"
      />
    </label>
  );
}

/** Magento's mass-select choices and its Actions menu ("Update attributes"), above the grid. */
export function MassActionBar() {
  const t = useTranslations("Products.grid");
  const tc = useTranslations("Common");
  const state = useGridSelection();
  const { selection, setSelection, pageIds, grid } = state;
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const choose = (next: Selection) => {
    setMessage(null);
    setSelection(next);
  };
  const updateAttributes = () => {
    const count = countOf(state);
    if (count === 0) return setMessage(t("noneSelected"));
    if (!selection.all && count > MAX_SELECTED_IDS) return setMessage(t("tooMany", { max: MAX_SELECTED_IDS }));
    const params = selection.all
      ? massSelectionParams({ kind: "filter", grid, excluded: [...selection.excluded] })
      : massSelectionParams({ kind: "ids", ids: [...selection.ids] });
    router.push(`${MASS_UPDATE_PATH}?${params}`);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <MenuButton
        label={t("selection")}
        items={[
          { label: t("selectAll"), onSelect: () => choose({ all: true, excluded: new Set() }) },
          { label: t("unselectAll"), onSelect: () => choose(NONE) },
          { label: t("selectVisible"), onSelect: () => choose(withRows(selection, pageIds, true)) },
          { label: t("unselectVisible"), onSelect: () => choose(withRows(selection, pageIds, false)) },
        ]}
      />
      <MenuButton label={tc("actions")} items={[{ label: t("updateAttributes"), onSelect: updateAttributes }]} />
      <p role="alert" className="text-sm font-semibold text-red-700">
        {message}
      </p>
    </div>
  );
}

/** A button that shows a short list of choices below it (a disclosure): Escape or a click elsewhere closes it. */
function MenuButton({ label, items }: { label: string; items: { label: string; onSelect: () => void }[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
    };
  }, [open]);
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button ref={button} type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} className={buttonClass("secondary")}>
        {label}
        <span aria-hidden="true" className="ml-2">
          ▾
        </span>
      </button>
      <ul id={listId} hidden={!open} className="absolute left-0 z-10 mt-1 min-w-48 border border-line bg-white py-1 shadow-md">
        {items.map((item) => (
          <li key={item.label}>
            <button
              type="button"
              className="block w-full px-4 py-2 text-left text-sm hover:bg-page"
              onClick={() => {
                setOpen(false);
                button.current?.focus();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
