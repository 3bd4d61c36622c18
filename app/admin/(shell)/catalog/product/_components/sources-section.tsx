"use client";

import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Field, FieldMessage } from "@/components/form/field";
import { Button } from "@/components/ui/button";
import { SidePanel } from "@/components/ui/side-panel";
import { effectiveNotifyQty, formatQty } from "@/lib/inventory";
import type { ProductFormInput, SourceAssignmentInput, SourceOption } from "@/lib/validation/product";
import { AdvancedInventory } from "./advanced-inventory";
import { STATUS_CHOICES, booleanText } from "./fields";
import { useLiveInventory } from "./product-form";

const COLUMNS = ["Name", "Source Status", "Source Item Status", "Qty", "Notify Qty"];

/**
 * Multi-source mode (screens-and-api.md "Sources"): each assigned source keeps its own status,
 * quantity and Notify Qty for this product. "Assign Sources" adds rows, "Unassign" removes one;
 * like everything on the page, nothing is stored until Save.
 */
export function SourcesSection({ sources }: { sources: SourceOption[] }) {
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
          Sources
        </h2>
        <div className="flex items-center gap-4">
          <AssignSourcesDialog unassigned={sources.filter((s) => !assigned.has(s.code))} onAssign={assign} />
          <AdvancedInventory />
        </div>
      </div>
      <p className="text-sm text-muted">
        More than one source exists, so each source keeps its own quantity and status for this product.
      </p>
      {fields.length === 0 ? (
        <p className="text-sm">This product is not assigned to any source.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Assigned Sources</caption>
          <thead className="bg-[#514943] text-white">
            <tr>
              {COLUMNS.map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-semibold">
                  {h}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Unassign</span>
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
  const id = `source-${index}`;
  return (
    <tr className="border-b border-line align-top">
      <td className="px-3 py-2">
        <span className="block pt-2">{source.name}</span>
        <span className="block text-xs text-muted">{source.code}</span>
        <FieldMessage id={`${id}-code-error`} name={`sources.${index}.sourceCode`} />
      </td>
      <td className="px-3 py-2">
        <span className="block pt-2">{source.enabled ? "Enabled" : "Disabled"}</span>
      </td>
      <td className="px-3 py-2">
        <Field
          name={`sources.${index}.isInStock`}
          id={`${id}-status`}
          label="Source Item Status"
          hideLabel
          options={STATUS_CHOICES}
          {...booleanText}
        />
      </td>
      <td className="px-3 py-2">
        <Field name={`sources.${index}.qty`} id={`${id}-qty`} label="Qty" hideLabel inputMode="decimal" />
      </td>
      <td className="px-3 py-2">
        <NotifyQty id={`${id}-notify`} index={index} />
      </td>
      <td className="px-3 py-2">
        <Button variant="link" className="pt-2 text-sm" onClick={onUnassign}>
          Unassign
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
      label="Notify Qty"
      hideLabel
      inputMode="decimal"
      disabled={useDefault}
      format={useDefault ? () => formatQty(inherited) : undefined}
      aside={
        <Field
          name={`sources.${index}.notifyUseDefault`}
          id={`${id}-use-default`}
          label="Use Default"
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
      trigger="Assign Sources"
      title="Assign Sources"
      description="Ticked sources are added with Qty 0 and In Stock. Nothing is stored until you save the product."
      open={open}
      onOpen={() => setOpen(true)}
      onCancel={close}
      onDone={done}
    >
      <div className="flex-1 overflow-y-auto px-8 py-6">
        {unassigned.length === 0 ? (
          <p className="text-sm">Every source is already assigned to this product.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Sources not assigned</caption>
            <thead className="bg-[#514943] text-white">
              <tr>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Assign</span>
                </th>
                {["Name", "Code", "Enabled"].map((h) => (
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
                      aria-label={`Assign ${source.name}`}
                      checked={picked.has(source.code)}
                      onChange={(e) => toggle(source.code, e.target.checked)}
                      className="h-4 w-4 accent-accent"
                    />
                  </td>
                  <td className="px-3 py-2">{source.name}</td>
                  <td className="px-3 py-2">{source.code}</td>
                  <td className="px-3 py-2">{source.enabled ? "Yes" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </SidePanel>
  );
}
