"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Field, FieldMessage } from "@/components/form/field";
import { Button } from "@/components/ui/button";
import { SidePanel } from "@/components/ui/side-panel";
import { effectiveNotifyQty, formatQty } from "@/lib/inventory";
import type { ProductFormInput, SourceAssignmentInput, SourceOption } from "@/lib/validation/product";
import { AdvancedInventory } from "./advanced-inventory";
import { booleanText, useStatusChoices } from "./fields";
import { useLiveInventory } from "./product-form";

const COLUMNS = ["name", "sourceStatus", "sourceItemStatus", "qty", "notifyQty"] as const;

/**
 * Multi-source mode (screens-and-api.md "Sources"): each assigned source keeps its own status,
 * quantity and Notify Qty for this product. "Assign Sources" adds rows, "Unassign" removes one;
 * like everything on the page, nothing is stored until Save.
 */
export function SourcesSection({ sources }: { sources: SourceOption[] }) {
  const t = useTranslations("Products.sources");
  const { control } = useFormContext<ProductFormInput>();
  const { fields, append, remove } = useFieldArray({ control, name: "sources" });
  const { effective } = useLiveInventory();
  const byCode = new Map(sources.map((s) => [s.code, s]));
  const assigned = new Set(fields.map((f) => f.sourceCode));

  const assign = (codes: string[]) =>
    append(
      // Magento's defaults for a newly assigned source: Qty 0, In Stock, Notify Qty "Use Default".
      codes.map(
        (code): SourceAssignmentInput => ({
          sourceCode: code,
          isInStock: true,
          qty: 0,
          notifyUseDefault: true,
          notifyStockQty: effectiveNotifyQty(null, effective),
        }),
      ),
      { shouldFocus: false },
    );

  return (
    <section aria-labelledby="sources-heading" className="space-y-4 border border-line bg-white p-6">
      <div className="flex items-center justify-between gap-4">
        <h2 id="sources-heading" className="text-xl font-light">
          {t("heading")}
        </h2>
        <div className="flex items-center gap-4">
          <AssignSourcesDialog unassigned={sources.filter((s) => !assigned.has(s.code))} onAssign={assign} />
          <AdvancedInventory />
        </div>
      </div>
      <p className="text-sm text-muted">{t("intro")}</p>
      {fields.length === 0 ? (
        <p className="text-sm">{t("notAssigned")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-[#514943] text-white">
            <tr>
              {COLUMNS.map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-semibold">
                  {t(`columns.${h}`)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t("unassign")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => (
              <AssignedSourceRow
                key={field.id}
                index={index}
                source={byCode.get(field.sourceCode) ?? { code: field.sourceCode, name: field.sourceCode, enabled: false }}
                onUnassign={() => remove(index)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AssignedSourceRow({ index, source, onUnassign }: { index: number; source: SourceOption; onUnassign: () => void }) {
  const t = useTranslations("Products.sources");
  const common = useTranslations("Common");
  const statusChoices = useStatusChoices();
  const id = `source-${index}`;
  return (
    <tr className="border-b border-line align-top">
      <td className="px-3 py-2">
        <span className="block pt-2">{source.name}</span>
        <span className="block text-xs text-muted">{source.code}</span>
        <FieldMessage id={`${id}-code-error`} name={`sources.${index}.sourceCode`} />
      </td>
      <td className="px-3 py-2">
        <span className="block pt-2">{common(source.enabled ? "enabled" : "disabled")}</span>
      </td>
      <td className="px-3 py-2">
        <Field
          name={`sources.${index}.isInStock`}
          id={`${id}-status`}
          label={t("columns.sourceItemStatus")}
          hideLabel
          options={statusChoices}
          {...booleanText}
        />
      </td>
      <td className="px-3 py-2">
        <Field name={`sources.${index}.qty`} id={`${id}-qty`} label={t("columns.qty")} hideLabel inputMode="decimal" />
      </td>
      <td className="px-3 py-2">
        <NotifyQty id={`${id}-notify`} index={index} />
      </td>
      <td className="px-3 py-2">
        <Button variant="link" className="pt-2 text-sm" onClick={onUnassign}>
          {t("unassign")}
        </Button>
      </td>
    </tr>
  );
}

/**
 * Notify Qty with "Use Default": checked stores null, and the box shows, disabled, the product's
 * effective Notify for Quantity Below as the Advanced Inventory panel now has it (inventory-rules §9).
 * Unchecking starts the source's own value from that figure.
 */
function NotifyQty({ id, index }: { id: string; index: number }) {
  const t = useTranslations("Products.sources");
  const { setValue, clearErrors } = useFormContext<ProductFormInput>();
  const { effective } = useLiveInventory();
  const inherited = effectiveNotifyQty(null, effective);
  const name = `sources.${index}.notifyStockQty` as const;
  const useDefault =
    useWatch<ProductFormInput, `sources.${number}.notifyUseDefault`>({ name: `sources.${index}.notifyUseDefault` }) === true;
  return (
    <Field
      name={name}
      id={id}
      label={t("columns.notifyQty")}
      hideLabel
      inputMode="decimal"
      disabled={useDefault}
      // The box holds the figure as typed numbers are ("1.5"): it is an input's value, not a label.
      format={useDefault ? () => formatQty(inherited) : undefined}
      aside={
        <Field
          name={`sources.${index}.notifyUseDefault`}
          id={`${id}-use-default`}
          label={t("useDefault")}
          type="checkbox"
          onValueChange={() => {
            setValue(name, inherited);
            clearErrors(name);
          }}
        />
      }
    />
  );
}

/**
 * "Assign Sources": the sources not yet assigned, each with a checkbox; "Done" adds the ticked
 * ones to the grid, "Cancel" and Escape add nothing. Keyboard usable (Radix Dialog traps focus
 * and returns it to the button).
 */
function AssignSourcesDialog({ unassigned, onAssign }: { unassigned: SourceOption[]; onAssign: (codes: string[]) => void }) {
  const t = useTranslations("Products.sources");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const toggle = (code: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const close = () => {
    setPicked(new Set());
    setOpen(false);
  };
  const done = () => {
    onAssign(unassigned.filter((s) => picked.has(s.code)).map((s) => s.code));
    close();
  };

  return (
    <SidePanel
      trigger={t("assignSources")}
      title={t("assignSources")}
      description={t("assignDescription")}
      open={open}
      onOpen={() => setOpen(true)}
      onCancel={close}
      onDone={done}
    >
      <div className="flex-1 overflow-y-auto px-8 py-6">
        {unassigned.length === 0 ? (
          <p className="text-sm">{t("allAssigned")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("unassignedCaption")}</caption>
            <thead className="bg-[#514943] text-white">
              <tr>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t("assign")}</span>
                </th>
                {[t("columns.name"), t("code"), t("enabled")].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {unassigned.map((source) => (
                <tr key={source.code} className="border-b border-line">
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={t("assignName", { name: source.name })}
                      checked={picked.has(source.code)}
                      onChange={(e) => toggle(source.code, e.target.checked)}
                      className="h-4 w-4 accent-accent"
                    />
                  </td>
                  <td className="px-3 py-2">{source.name}</td>
                  <td className="px-3 py-2">{source.code}</td>
                  <td className="px-3 py-2">{common(source.enabled ? "yes" : "no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </SidePanel>
  );
}
