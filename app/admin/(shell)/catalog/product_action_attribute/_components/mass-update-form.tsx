"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { EditPageHeader } from "@/components/admin/page-header";
import { ProgressBar } from "@/components/admin/progress-bar";
import { useProgressPost, type ProgressState } from "@/components/admin/use-progress-post";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { DEFAULT_PRODUCT_SETTINGS, USE_CONFIG_FLAGS, effectiveSettings, type ResolvedInventoryConfig } from "@/lib/inventory";
import {
  isOverridable,
  MASS_UPDATE_FIELDS,
  MASS_UPDATE_SAVE_PATH,
  massUpdateFormSchema,
  type MassUpdate,
  type MassUpdateField,
  type MassUpdateFormInput,
  type MassUpdateResult,
} from "@/lib/validation/mass-update";
import type { ActionResult } from "@/lib/validation/result";
import { booleanText, useBackorderChoices, useEffectiveValueNote, useYesNoChoices } from "../../product/_components/fields";
import { finishMassUpdateAction } from "../actions";

const FORM_ID = "mass-update-form";
const NUMBER_FIELDS = new Set<MassUpdateField>(["minQty", "minSaleQty", "maxSaleQty", "notifyStockQty", "qtyIncrements"]);

/** Nothing changes until a "Change" is checked; overridable fields start on "Use Config Settings", showing the global value. */
function initialValues(config: ResolvedInventoryConfig): MassUpdateFormInput {
  const stockItem: MassUpdateFormInput["stockItem"] = { ...DEFAULT_PRODUCT_SETTINGS };
  for (const field of MASS_UPDATE_FIELDS) if (isOverridable(field)) stockItem[field] = config.values[field];
  return { change: Object.fromEntries(MASS_UPDATE_FIELDS.map((field) => [field, false])), stockItem };
}

interface MassUpdateFormProps {
  /** The selection as the page's URL holds it: the save reads it again. */
  selection: string;
  /** Products the update covers, as the server counted them. */
  count: number;
  /** Ids ticked in the grid that no longer exist. */
  gone: number;
  config: ResolvedInventoryConfig;
  backHref: string;
}

/**
 * Magento's Update Attributes page, Advanced Inventory tab. Save streams the update's progress
 * from the save route, then finishMassUpdateAction takes the admin back to the grid with the
 * result; a refusal (nothing written) shows at the fields, naming the product at fault.
 */
export function MassUpdateForm({ selection, count, gone, config, backHref }: MassUpdateFormProps) {
  const t = useTranslations("Products");
  const progress = useProgressPost<MassUpdateResult>();
  const submit = useActionForm<MassUpdateFormInput, MassUpdate>({
    resolver: zodResolver(massUpdateFormSchema),
    defaultValues: initialValues(config),
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The form as typed goes to the server, which parses it with the same schema.
    action: async (): Promise<ActionResult> => {
      const body = JSON.stringify({ selection, values: submit.form.getValues() });
      const outcome = await progress.start(MASS_UPDATE_SAVE_PATH, body);
      if (outcome.type === "done") return finishMassUpdateAction({ selection, result: outcome.result });
      if (outcome.type === "refused") return { ok: false, fieldErrors: outcome.fieldErrors ?? {}, formError: outcome.message };
      return { ok: false, fieldErrors: {}, formError: outcome.message, failure: "error" };
    },
  });
  return (
    <>
      <EditPageHeader title={t("massUpdate.title")} backHref={backHref} formId={FORM_ID} pending={submit.pending} />
      <ActionForm submit={submit} id={FORM_ID} className="mt-6 space-y-6">
        <Progress state={progress.state} />
        <section aria-labelledby="advanced-inventory-heading" className="space-y-5 border border-line bg-white p-6">
          <h2 id="advanced-inventory-heading" className="text-xl font-light">
            {t("advanced.title")}
          </h2>
          <div className="space-y-1 text-sm">
            <p>
              {t.rich("massUpdate.covers", { count, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
              {gone > 0 && t("massUpdate.gone", { count: gone })}
            </p>
            <p className="text-muted">{t("massUpdate.onlyChecked")}</p>
          </div>
          <MassUpdateFields config={config} />
        </section>
      </ActionForm>
    </>
  );
}

function Progress({ state }: { state: ProgressState<MassUpdateResult> }) {
  const t = useTranslations("Products.massUpdate");
  const label = t("updating");
  const unit = t("unit");
  if (state.phase === "running") return <ProgressBar label={label} done={state.done} total={state.total} unit={unit} />;
  if (state.phase === "finished" && state.outcome.type === "done") {
    const { covered } = state.outcome.result;
    return <ProgressBar label={label} done={covered} total={covered} unit={unit} />;
  }
  return null;
}

function MassUpdateFields({ config }: { config: ResolvedInventoryConfig }) {
  const { change = {}, stockItem = {} } = useWatch<MassUpdateFormInput>();
  const valueNote = useEffectiveValueNote();
  // The notes of fields left on "Use Config Settings": the global value and where it is set.
  const eff = effectiveSettings(DEFAULT_PRODUCT_SETTINGS, config.values, config.origins);
  return (
    <>
      {MASS_UPDATE_FIELDS.map((field) => {
        const useConfig = isOverridable(field) && stockItem[USE_CONFIG_FLAGS[field]] === true;
        const note = isOverridable(field) && useConfig ? valueNote(field, eff[field]) : null;
        return <MassUpdateRow key={field} field={field} config={config} changed={change[field] === true} useConfig={useConfig} note={note} />;
      })}
    </>
  );
}

interface RowProps {
  field: MassUpdateField;
  config: ResolvedInventoryConfig;
  changed: boolean;
  useConfig: boolean;
  note: string | null;
}

/** One field: its control (disabled until "Change" is checked, as Magento's), "Use Config Settings" where it has one, and "Change". */
function MassUpdateRow({ field, config, changed, useConfig, note }: RowProps) {
  const t = useTranslations("Products");
  const common = useTranslations("Common");
  const yesNo = useYesNoChoices();
  const backorderChoices = useBackorderChoices();
  const { setValue, clearErrors } = useFormContext<MassUpdateFormInput>();
  const id = `mu-${field}`;
  const control = {
    id,
    name: `stockItem.${field}`,
    label: t(`advanced.fields.${field}`),
    layout: "row" as const,
    scope: common("scopeGlobal"),
    disabled: !changed || useConfig,
    noteIds: note ? [`${id}-note`] : [],
    hint: field === "isDecimalDivided" ? t("massUpdate.decimalDividedHint") : undefined,
    notes: note && (
      <p id={`${id}-note`} className="mt-1 text-xs text-muted">
        {note}
      </p>
    ),
    aside: (
      <>
        {isOverridable(field) && (
          <Field
            name={`stockItem.${USE_CONFIG_FLAGS[field]}`}
            id={`${id}-use-config`}
            label={common("useConfigSettings")}
            type="checkbox"
            disabled={!changed}
            onValueChange={(checked) => {
              if (!checked) return;
              setValue(`stockItem.${field}`, config.values[field]);
              clearErrors(`stockItem.${field}`);
            }}
          />
        )}
        <Field
          name={`change.${field}`}
          id={`${id}-change`}
          label={t("massUpdate.change")}
          type="checkbox"
          onValueChange={(checked) => {
            // Checked: "check at least one Change" no longer applies; unchecked: the field is not sent.
            if (checked) clearErrors("change");
            else clearErrors(`stockItem.${field}`);
          }}
        />
      </>
    ),
  };
  if (NUMBER_FIELDS.has(field)) return <Field {...control} inputMode="decimal" />;
  if (field === "backorders") return <Field {...control} options={backorderChoices} format={String} parse={Number} />;
  return <Field {...control} options={yesNo} {...booleanText} />;
}
