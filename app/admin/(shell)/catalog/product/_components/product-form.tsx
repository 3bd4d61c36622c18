"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { createContext, useContext, useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import {
  DEFAULT_PRODUCT_SETTINGS,
  effectiveSettings,
  type EffectiveSettings,
  type ProductInventorySettings,
  type ResolvedInventoryConfig,
  type SellDownPlace,
} from "@/lib/inventory";
import {
  productFormSchema,
  settingsFromInput,
  stockItemFields,
  type ProductFormInput,
  type ProductFormValues,
  type ProductLock,
} from "@/lib/validation/product";
import { saveProductAction } from "../actions";

const PRODUCT_FORM_ID = "product-form";

interface ProductFormMeta {
  config: ResolvedInventoryConfig;
  singleSourceMode: boolean;
  /** The stored Out of Stock was set by inventory-rules §8, not by an admin. */
  statusAutomatic: boolean;
  /** The Advanced Inventory settings as loaded: the fallback while a field is half typed. */
  loadedSettings: ProductInventorySettings;
  advancedOpen: boolean;
  setAdvancedOpen: (open: boolean) => void;
  /** Where the "What will shoppers see?" chart sells the product; null when the page has none. */
  sellDown: SellDownPlace | null;
}

const MetaContext = createContext<ProductFormMeta | null>(null);

/** The product page's configuration, mode and dialog state, for its sections. */
export function useProductFormMeta(): ProductFormMeta {
  const meta = useContext(MetaContext);
  if (!meta) throw new Error("useProductFormMeta outside ProductForm");
  return meta;
}

export interface LiveInventory {
  /** The Advanced Inventory settings as currently typed (not yet saved). */
  settings: ProductInventorySettings;
  /** lib/inventory's effective values for them (inventory-rules §1.3). */
  effective: EffectiveSettings;
  /** The Quantity as typed, or null while it is not a number. */
  qty: number | null;
  isInStock: boolean;
}

/**
 * The Advanced Inventory panel's values as the admin edits them, resolved by lib/inventory:
 * what the panel's notes show, and what a live view of the product (a sell-down chart, say)
 * should compute from before anything is saved.
 */
export function useLiveInventory(): LiveInventory {
  const { config, loadedSettings } = useProductFormMeta();
  const item = useWatch<ProductFormInput, "stockItem">({ name: "stockItem" });
  return useMemo(() => {
    const settings = settingsFromInput(item, loadedSettings);
    const qty = stockItemFields.shape.qty.safeParse(item.qty);
    return {
      settings,
      effective: effectiveSettings(settings, config.values, config.origins),
      qty: qty.success ? qty.data : null,
      isInStock: item.isInStock === true,
    };
  }, [item, config, loadedSettings]);
}

/** Fields edited only inside the Advanced Inventory dialog (Quantity and Stock Status are also on the page). */
const dialogOnly = (path: string) =>
  path.startsWith("stockItem.") && path !== "stockItem.qty" && path !== "stockItem.isInStock";

interface ProductFormProps {
  title: string;
  /** Absent for a new product. */
  productId?: number;
  initial: ProductFormInput;
  lock?: ProductLock;
  config: ResolvedInventoryConfig;
  singleSourceMode: boolean;
  statusAutomatic: boolean;
  /** Where the product sells, for the live "What will shoppers see?" chart (an existing product). */
  sellDown?: SellDownPlace | null;
  /** Messages left by the last save, shown under the title. */
  notice?: React.ReactNode;
  /** The page's sections; client sections read the form with useFormContext / useLiveInventory. */
  children: React.ReactNode;
}

/**
 * The product page's form: RHF with the same zod schema as the server action. Save sends the
 * values with the lock of what was loaded; the action redirects back with "You saved the product."
 */
export function ProductForm(props: ProductFormProps) {
  const { productId, initial, lock } = props;
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const submit = useActionForm<ProductFormInput, ProductFormValues>({
    resolver: zodResolver(productFormSchema),
    defaultValues: initial,
    // Messages appear on Save or Done, then follow the typing; none on blur, so rows never
    // shift under the pointer between press and release.
    mode: "onSubmit",
    reValidateMode: "onChange",
    action: (values) => saveProductAction({ id: productId, values, lock }),
    // A message for a field inside the closed dialog would be invisible: open it.
    reveal: (paths) => {
      if (paths.some(dialogOnly)) setAdvancedOpen(true);
    },
  });
  const loadedSettings = useMemo(() => settingsFromInput(initial.stockItem, DEFAULT_PRODUCT_SETTINGS), [initial]);
  const meta = useMemo<ProductFormMeta>(
    () => ({
      config: props.config,
      singleSourceMode: props.singleSourceMode,
      statusAutomatic: props.statusAutomatic,
      loadedSettings,
      advancedOpen,
      setAdvancedOpen,
      sellDown: props.sellDown ?? null,
    }),
    [props.config, props.singleSourceMode, props.statusAutomatic, loadedSettings, advancedOpen, props.sellDown],
  );

  return (
    <MetaContext.Provider value={meta}>
      <EditPageHeader title={props.title} backHref="/admin/catalog/product" formId={PRODUCT_FORM_ID} pending={submit.pending} />
      <ActionForm submit={submit} notice={props.notice} id={PRODUCT_FORM_ID} className="mt-6 space-y-6">
        {props.children}
      </ActionForm>
    </MetaContext.Provider>
  );
}
