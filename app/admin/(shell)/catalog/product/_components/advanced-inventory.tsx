"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFormContext } from "react-hook-form";
import { thresholdExplanation } from "@/components/admin/threshold-explanation";
import { Field } from "@/components/form/field";
import { SidePanel } from "@/components/ui/side-panel";
import { formatQuantity } from "@/lib/i18n/format";
import {
  ADVANCED_INVENTORY_FIELDS,
  USE_CONFIG_FLAGS,
  effectiveThreshold,
  isPanelFieldShown,
  type AdvancedInventoryField,
  type Backorders,
  type OverridableField,
} from "@/lib/inventory";
import type { ProductFormInput } from "@/lib/validation/product";
import {
  booleanText,
  useBackorderChoices,
  useEffectiveValueNote,
  useStatusChoices,
  useYesNoChoices,
  type FormPath,
} from "./fields";
import { useLiveInventory, useProductFormMeta } from "./product-form";
import { SellDownAside } from "./sell-down-section";
import { StockStatusNote } from "./stock-status-note";

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
  const t = useTranslations("Products.advanced");
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
      trigger={t("title")}
      title={t("title")}
      description={t("description")}
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
      {ADVANCED_INVENTORY_FIELDS.filter(({ field }) => isPanelFieldShown(field, state)).map(({ field }) => (
        <PanelField key={field} field={field} />
      ))}
    </>
  );
}

function PanelField({ field }: { field: AdvancedInventoryField }) {
  const t = useTranslations("Products.advanced");
  const common = useTranslations("Common");
  const valueNote = useEffectiveValueNote();
  const statusChoices = useStatusChoices();
  const yesNo = useYesNoChoices();
  const backorderChoices = useBackorderChoices();
  const { effective: eff, settings } = useLiveInventory();
  const id = inputId(field);
  const overridable = isOverridable(field);
  const useConfig = overridable && settings[USE_CONFIG_FLAGS[field]];
  const noteIds = overridable ? [`${id}-note`] : [];
  if (field === "minQty") noteIds.push(`${id}-explanation`);
  const control = {
    id,
    name: pathOf(field),
    label: t(`fields.${field}`),
    layout: "row" as const,
    scope: common("scopeGlobal"),
    disabled: useConfig,
    noteIds,
    aside: overridable && <UseConfigSettings field={field} />,
    notes: (
      <>
        {overridable && (
          <p id={`${id}-note`} className="mt-1 text-xs text-muted">
            {valueNote(field, eff[field])}
          </p>
        )}
        {field === "minQty" && <ThresholdNotes id={`${id}-explanation`} />}
        {field === "stockStatus" && <StockStatusNote />}
      </>
    ),
  };

  if (NUMBER_FIELDS.has(field)) return <Field {...control} inputMode="decimal" />;
  if (field === "backorders") return <Field {...control} options={backorderChoices} format={String} parse={Number} />;
  if (field === "stockStatus") return <Field {...control} options={statusChoices} {...booleanText} />;
  return (
    // Allow Multiple Boxes for Shipping is forced to No without decimal quantities (spec §1.2).
    <Field
      {...control}
      disabled={useConfig || (field === "isDecimalDivided" && !settings.isQtyDecimal)}
      options={yesNo}
      {...booleanText}
    />
  );
}

/**
 * Spec §1.3 Decision: what the threshold means now, and why the effective value differs
 * (lib/inventory's thresholdExplanation and thresholdNote, in the reader's language).
 */
function ThresholdNotes({ id }: { id: string }) {
  const { effective: eff } = useLiveInventory();
  const explain = useThresholdTexts();
  const raw = eff.minQty.value;
  const backorders = eff.backorders.value;
  const effective = effectiveThreshold(raw, backorders);
  return (
    <div id={id} className="mt-1 space-y-0.5 text-xs">
      <p>{explain.explanation(raw, backorders)}</p>
      {effective !== raw && <p className="text-amber-800">{explain.note(effective, backorders)}</p>}
    </div>
  );
}

function useThresholdTexts() {
  const config = useTranslations("Config");
  const t = useTranslations("Products.advanced.threshold");
  const locale = useLocale();
  return {
    explanation: (raw: number, backorders: Backorders) => thresholdExplanation(config, locale, raw, backorders),
    note: (effective: number, backorders: Backorders) =>
      t(backorders !== 0 ? "ignoredOn" : "ignoredOff", { qty: formatQuantity(effective, locale) }),
  };
}

/** Checked: the field takes the global value, shown disabled; checking again puts it back (spec §1.2). */
function UseConfigSettings({ field }: { field: OverridableField }) {
  const common = useTranslations("Common");
  const { config } = useProductFormMeta();
  const { setValue, clearErrors } = useFormContext<ProductFormInput>();
  return (
    <Field
      name={`stockItem.${USE_CONFIG_FLAGS[field]}`}
      id={`${inputId(field)}-use-config`}
      label={common("useConfigSettings")}
      type="checkbox"
      onValueChange={(checked) => {
        if (!checked) return;
        setValue(`stockItem.${field}`, config.values[field]);
        clearErrors(`stockItem.${field}`);
      }}
    />
  );
}
