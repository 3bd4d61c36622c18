"use client";

import { useEffect, useRef } from "react";
import { useFormContext } from "react-hook-form";
import { Field } from "@/components/form/field";
import { SidePanel } from "@/components/ui/side-panel";
import {
  ADVANCED_INVENTORY_FIELDS,
  USE_CONFIG_FLAGS,
  effectiveValueNote,
  fieldOptions,
  isPanelFieldShown,
  thresholdExplanation,
  thresholdNote,
  type AdvancedInventoryField,
  type OverridableField,
} from "@/lib/inventory";
import type { ProductFormInput } from "@/lib/validation/product";
import { STATUS_CHOICES, booleanText, type FormPath } from "./fields";
import { useLiveInventory, useProductFormMeta } from "./product-form";
import { SellDownAside } from "./sell-down-section";
import { StockStatusNote } from "./stock-status-note";

const YES_NO = fieldOptions("manageStock");
const NUMBER_FIELDS = new Set<AdvancedInventoryField>(["qty", "minQty", "minSaleQty", "maxSaleQty", "notifyStockQty", "qtyIncrements"]);

const inputId = (field: AdvancedInventoryField) => `ai-${field}`;
const pathOf = (field: AdvancedInventoryField): FormPath =>
  field === "stockStatus" ? "stockItem.isInStock" : (`stockItem.${field}` as FormPath);
const isOverridable = (field: AdvancedInventoryField): field is OverridableField => field in USE_CONFIG_FLAGS;

/**
 * The "Advanced Inventory" button and its dialog (spec §1.2): the twelve fields in order, shown
 * by the live rules, each overridable one with "Use Config Settings" and where its value comes
 * from; beside them, the live "What will shoppers see?" chart. "Done" keeps the edits in the
 * form (checked first); "Cancel" and Escape put back what was there when the dialog opened.
 * Nothing is stored until the product is saved.
 */
export function AdvancedInventory() {
  const { advancedOpen, setAdvancedOpen, sellDown } = useProductFormMeta();
  const { getValues, setValue, trigger, clearErrors, getFieldState } = useFormContext<ProductFormInput>();
  const opened = useRef<ProductFormInput["stockItem"] | null>(null);

  useEffect(() => {
    // A copy: RHF hands out its live values object, which the edits would change under us.
    opened.current = advancedOpen ? structuredClone(getValues("stockItem")) : null;
  }, [advancedOpen, getValues]);

  const firstInvalid = () =>
    ADVANCED_INVENTORY_FIELDS.map((f) => f.field).find((field) => getFieldState(pathOf(field)).invalid);

  const cancel = () => {
    if (opened.current) setValue("stockItem", opened.current);
    clearErrors("stockItem");
    setAdvancedOpen(false);
  };

  const done = async () => {
    if (await trigger("stockItem")) {
      setAdvancedOpen(false);
      return;
    }
    const field = firstInvalid();
    if (field) document.getElementById(inputId(field))?.focus();
  };

  return (
    <SidePanel
      trigger="Advanced Inventory"
      title="Advanced Inventory"
      description="Settings for this product only. Nothing is stored until you save the product."
      open={advancedOpen}
      onOpen={() => setAdvancedOpen(true)}
      onCancel={cancel}
      onDone={done}
      widthClass={sellDown ? "max-w-6xl" : "max-w-4xl"}
      onOpenAutoFocus={(event) => {
        // Opened by a refused save: start at the first field with a message.
        const field = firstInvalid();
        const target = field && document.getElementById(inputId(field));
        if (target) {
          event.preventDefault();
          target.focus();
        }
      }}
    >
      {/* Wide screens: the fields and the chart side by side, each scrolling on its own. */}
      <div className="flex-1 overflow-y-auto lg:grid lg:grid-cols-[minmax(0,1fr)_26rem] lg:overflow-hidden">
        <div className="space-y-5 px-8 py-6 lg:overflow-y-auto">
          <PanelFields />
        </div>
        {sellDown && (
          <div className="border-t border-line bg-page px-6 py-6 lg:overflow-y-auto lg:border-t-0 lg:border-l">
            <SellDownAside />
          </div>
        )}
      </div>
    </SidePanel>
  );
}

function PanelFields() {
  const { singleSourceMode } = useProductFormMeta();
  const { effective: eff } = useLiveInventory();
  const state = {
    manageStock: eff.manageStock.value,
    enableQtyIncrements: eff.enableQtyIncrements.value,
    singleSourceMode,
  };
  return (
    <>
      {ADVANCED_INVENTORY_FIELDS.filter(({ field }) => isPanelFieldShown(field, state)).map(({ field, label }) => (
        <PanelField key={field} field={field} label={label} />
      ))}
    </>
  );
}

function PanelField({ field, label }: { field: AdvancedInventoryField; label: string }) {
  const { effective: eff, settings } = useLiveInventory();
  const id = inputId(field);
  const overridable = isOverridable(field);
  const useConfig = overridable && settings[USE_CONFIG_FLAGS[field]];
  const noteIds = overridable ? [`${id}-note`] : [];
  if (field === "minQty") noteIds.push(`${id}-explanation`);
  const control = {
    id,
    name: pathOf(field),
    label,
    layout: "row" as const,
    scope: "[GLOBAL]",
    disabled: useConfig,
    noteIds,
    aside: overridable && <UseConfigSettings field={field} />,
    notes: (
      <>
        {overridable && (
          <p id={`${id}-note`} className="mt-1 text-xs text-muted">
            {effectiveValueNote(field, eff[field])}
          </p>
        )}
        {field === "minQty" && <ThresholdNotes id={`${id}-explanation`} />}
        {field === "stockStatus" && <StockStatusNote />}
      </>
    ),
  };

  if (NUMBER_FIELDS.has(field)) return <Field {...control} inputMode="decimal" />;
  if (field === "backorders") return <Field {...control} options={fieldOptions("backorders")} format={String} parse={Number} />;
  if (field === "stockStatus") return <Field {...control} options={STATUS_CHOICES} {...booleanText} />;
  return (
    // Allow Multiple Boxes for Shipping is forced to No without decimal quantities (spec §1.2).
    <Field
      {...control}
      disabled={useConfig || (field === "isDecimalDivided" && !settings.isQtyDecimal)}
      options={YES_NO}
      {...booleanText}
    />
  );
}

/** Spec §1.3 Decision: what the threshold means now, and why the effective value differs. */
function ThresholdNotes({ id }: { id: string }) {
  const { effective: eff } = useLiveInventory();
  const note = thresholdNote(eff.minQty.value, eff.backorders.value);
  return (
    <div id={id} className="mt-1 space-y-0.5 text-xs">
      <p>{thresholdExplanation(eff.minQty.value, eff.backorders.value)}</p>
      {note && <p className="text-amber-800">{note}</p>}
    </div>
  );
}

/** Checked: the field takes the global value, shown disabled; checking again puts it back (spec §1.2). */
function UseConfigSettings({ field }: { field: OverridableField }) {
  const { config } = useProductFormMeta();
  const { setValue, clearErrors } = useFormContext<ProductFormInput>();
  return (
    <Field
      name={`stockItem.${USE_CONFIG_FLAGS[field]}`}
      id={`${inputId(field)}-use-config`}
      label="Use Config Settings"
      type="checkbox"
      onValueChange={(checked) => {
        if (!checked) return;
        setValue(`stockItem.${field}`, config.values[field]);
        clearErrors(`stockItem.${field}`);
      }}
    />
  );
}
