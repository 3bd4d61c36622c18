"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { PageHeader } from "@/components/admin/page-header";
import { thresholdExplanation } from "@/components/admin/threshold-explanation";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Message } from "@/components/ui/message";
import { useTranslateMessage } from "@/components/ui/use-translate-message";
import {
  CONFIG_FIELDS,
  CONFIG_GROUPS,
  IMPACT_FIELDS,
  fieldByKey,
  parseConfigValue,
  type Backorders,
  type ConfigField,
  type InventoryConfigKey,
  type Scope,
} from "@/lib/inventory";
import type { LocaleTag } from "@/lib/i18n/locales";
import { configFormSchema, configValueError, formFieldName, type ConfigForm } from "@/lib/validation/config";
import { previewInventoryConfigImpact, saveInventoryConfig, type ImpactPreview, type SavedWarning } from "../actions";
import {
  fieldChoices,
  fieldComment,
  fieldLabel,
  groupComment,
  groupTitle,
  inheritText,
  scopeLevelText,
  type ConfigTranslator,
} from "./config-text";
import { COLLAPSED_GROUPS_COOKIE, collapsedGroupsCookieValue, fieldInputId, fieldRowId } from "./scope-route";

/** One field at the page's scope: what is stored there and what it would inherit. */
export interface FieldState {
  key: InventoryConfigKey;
  /** The value stored at this scope, or null when the field inherits. */
  stored: string | null;
  /** What the input shows while the inherit checkbox is checked. */
  inherited: string;
  /** Where the inherited value comes from ("Default Config", "Website: Main Website"), in the reader's language. */
  inheritedFrom: string;
}

interface Props {
  scope: Scope;
  scopeId: number;
  fields: FieldState[];
  collapsedGroups: string[];
  scopeSwitcher: ReactNode;
  sectionNav: ReactNode;
  /** Shown under the form (the change history). */
  children: ReactNode;
}

type FieldsState = ConfigForm["fields"];

// English, like every message the form shows: ActionForm translates it (Messages.configSaveFailed).
const NETWORK_ERROR = "The configuration could not be saved. Check your connection and try again.";

function formDefaults(scope: Scope, scopeId: number, fields: FieldState[]): ConfigForm {
  return {
    scope,
    scopeId,
    fields: Object.fromEntries(
      fields.map((f) => [f.key, { inherit: fieldByKey(f.key).canInherit && f.stored === null, value: f.stored ?? f.inherited }]),
    ),
    loaded: Object.fromEntries(fields.map((f) => [f.key, f.stored])),
  };
}

/** The Backorders / Out-of-Stock Threshold pair in one sentence, as the inputs read now. */
function explanationOf(t: ConfigTranslator, locale: LocaleTag, fields: FieldsState | undefined): string | null {
  const raw = fields?.minQty && parseConfigValue(fieldByKey("minQty"), fields.minQty.value);
  const backorders = fields?.backorders && parseConfigValue(fieldByKey("backorders"), fields.backorders.value);
  if (typeof raw !== "number" || typeof backorders !== "number") return null;
  return thresholdExplanation(t, locale, raw, backorders as Backorders);
}

function writeCollapsedCookie(collapsed: ReadonlySet<string>) {
  document.cookie = `${COLLAPSED_GROUPS_COOKIE}=${collapsedGroupsCookieValue(collapsed)}; path=/admin; max-age=31536000; samesite=lax`;
}

export function ConfigEditor({ scope, scopeId, fields, collapsedGroups, scopeSwitcher, sectionNav, children }: Props) {
  const t = useTranslations("Config");
  const locale = useLocale();
  const translateWarning = useTranslateMessage();
  const defaults = useMemo(() => formDefaults(scope, scopeId, fields), [scope, scopeId, fields]);
  const states = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);
  const [collapsed, setCollapsed] = useState(() => new Set(collapsedGroups));

  const expandGroupsOf = (keys: InventoryConfigKey[]) => {
    const groups = new Set(keys.map((key) => fieldByKey(key).group));
    setCollapsed((current) => {
      const next = new Set([...current].filter((id) => !groups.has(id as ConfigField["group"])));
      writeCollapsedCookie(next);
      return next;
    });
  };

  const toggleGroup = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      writeCollapsedCookie(next);
      return next;
    });

  const submit = useActionForm<ConfigForm, ConfigForm, { warnings: SavedWarning[] }>({
    resolver: zodResolver(configFormSchema, undefined, { raw: true }),
    // Saved values come back as new props: the form follows them (after Save Config, say).
    values: defaults,
    action: saveInventoryConfig,
    // A message in a collapsed group opens the group: `fields.<key>.value`.
    reveal: (paths) =>
      expandGroupsOf(paths.filter((path) => path.startsWith("fields.")).map((path) => path.split(".")[1] as InventoryConfigKey)),
    failureMessage: NETWORK_ERROR,
  });
  const watched = useWatch({ control: submit.form.control, name: "fields" });
  const explanation = explanationOf(t, locale, watched);
  const preview = useImpactPreview(scope, scopeId, defaults, watched, submit.form.getValues);

  const goToField = (key: InventoryConfigKey) => {
    expandGroupsOf([key]);
    // After the group has opened: focus the control itself, not just scroll to its row.
    requestAnimationFrame(() => document.getElementById(fieldInputId(fieldByKey(key).path))?.focus());
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Button type="submit" form="config-form" variant="primary" disabled={submit.pending}>
            {t("saveConfig")}
          </Button>
        }
      />
      <div className="mt-6">{scopeSwitcher}</div>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-[12rem_minmax(0,1fr)]">
        <div>{sectionNav}</div>
        <ActionForm
          submit={submit}
          id="config-form"
          className="min-w-0 space-y-4"
          saved={(data) =>
            data?.warnings.map((warning) => (
              <Message key={warning.key + warning.message} kind="warning">
                {translateWarning(warning.message)}{" "}
                <a
                  href={`#${fieldRowId(fieldByKey(warning.key).path)}`}
                  onClick={() => goToField(warning.key)}
                  className="font-semibold underline"
                >
                  {t("goToField", { label: fieldLabel(t, warning.key) })}
                </a>
              </Message>
            ))
          }
        >
          <ImpactPanel preview={preview} />
          {CONFIG_GROUPS.map((group) => {
            const groupFields = CONFIG_FIELDS.filter((field) => field.group === group.id && states.has(field.key));
            if (groupFields.length === 0) return null;
            const open = !collapsed.has(group.id);
            const panelId = `cataloginventory_${group.id}`;
            return (
              <section key={group.id} className="border border-line bg-white">
                <h2>
                  <button
                    type="button"
                    aria-expanded={open}
                    aria-controls={panelId}
                    onClick={() => toggleGroup(group.id)}
                    className="flex w-full items-center justify-between px-5 py-4 text-left text-lg font-semibold hover:bg-page"
                  >
                    {groupTitle(t, group)}
                    <span aria-hidden="true" className={`transition-transform ${open ? "rotate-180" : ""}`}>
                      ▾
                    </span>
                  </button>
                </h2>
                <div id={panelId} hidden={!open} className="space-y-5 border-t border-line px-5 py-4">
                  {group.comment && <p className="text-sm text-muted">{groupComment(t, group)}</p>}
                  {groupFields.map((field) => {
                    // Qty Increments shows only while Enable Qty Increments is Yes (spec §1.1), live.
                    if (field.dependsOn && watched?.[field.dependsOn.key]?.value !== field.dependsOn.value) return null;
                    return (
                      <ConfigRow
                        key={field.key}
                        field={field}
                        scope={scope}
                        state={states.get(field.key)!}
                        inherit={watched?.[field.key]?.inherit ?? false}
                        explanation={field.key === "backorders" || field.key === "minQty" ? explanation : null}
                      />
                    );
                  })}
                </div>
              </section>
            );
          })}
        </ActionForm>
      </div>
      {children}
    </>
  );
}

interface RowProps {
  field: ConfigField;
  scope: Scope;
  state: FieldState;
  inherit: boolean;
  explanation: string | null;
}

/** Label, control, scope label and inherit checkbox, with the comment and notes under the control. */
function ConfigRow({ field, scope, state, inherit, explanation }: RowProps) {
  const t = useTranslations("Config");
  const { setValue, clearErrors } = useFormContext<ConfigForm>();
  const inputId = fieldInputId(field.path);
  const name = formFieldName(field.key);
  const number = field.input === "number";
  return (
    <Field
      name={name}
      label={fieldLabel(t, field.key)}
      id={inputId}
      rowId={fieldRowId(field.path)}
      layout="row"
      options={number ? undefined : fieldChoices(t, field)}
      inputMode={number ? "decimal" : undefined}
      autoComplete={number ? "off" : undefined}
      disabled={inherit}
      hint={fieldComment(t, field)}
      scope={scopeLevelText(t, field)}
      noteIds={explanation ? [`${inputId}-explanation`] : undefined}
      notes={
        <>
          {explanation && (
            <p className="mt-1 flex items-start gap-1.5 text-sm text-sky-900">
              <span
                aria-hidden="true"
                className="mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full border border-current text-[10px] font-bold"
              >
                i
              </span>
              <span id={`${inputId}-explanation`} aria-live="polite">
                {explanation}
              </span>
            </p>
          )}
          {inherit && scope !== "default" && (
            <p className="mt-1 text-xs text-muted">{t("valueFrom", { origin: state.inheritedFrom })}</p>
          )}
        </>
      }
      aside={
        field.canInherit && (
          <Field
            name={`fields.${field.key}.inherit`}
            id={`${inputId}_inherit`}
            label={inheritText(t, scope)}
            type="checkbox"
            onValueChange={(checked) => {
              // Checked: the input shows (and will keep) the inherited value (spec §1.1).
              if (checked) setValue(name, state.inherited, { shouldDirty: true });
              clearErrors(name);
            }}
          />
        )
      }
    />
  );
}

type PreviewState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; preview: ImpactPreview | null }
  | { status: "error" };

const PREVIEW_DELAY_MS = 400;

/**
 * Asks the server what the unsaved Manage Stock, Backorders, Out-of-Stock Threshold and Only X
 * left Threshold would do to the catalog, a moment after the merchant stops editing them.
 */
function useImpactPreview(
  scope: Scope,
  scopeId: number,
  defaults: ConfigForm,
  watched: FieldsState | undefined,
  getValues: () => ConfigForm,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  const latest = useRef(0);
  const keys = IMPACT_FIELDS.filter((key) => defaults.fields[key] !== undefined);
  const pick = <T,>(record: Partial<Record<InventoryConfigKey, T>>) =>
    Object.fromEntries(keys.map((key) => [key, record[key]]));
  const edited = JSON.stringify(keys.map((key) => watched?.[key]));
  const saved = JSON.stringify(keys.map((key) => defaults.fields[key]));
  // A value the field rules refuse cannot be previewed: its error shows on Save Config.
  const valid = keys.every((key) => {
    const field = watched?.[key];
    return !field || field.inherit || configValueError(fieldByKey(key), field.value) === null;
  });

  const wanted = edited !== saved && valid;
  useEffect(() => {
    const request = ++latest.current;
    if (!wanted) return;
    const timer = setTimeout(() => {
      setState({ status: "loading" });
      const values = getValues();
      previewInventoryConfigImpact({ scope, scopeId, fields: pick(values.fields), loaded: pick(values.loaded) })
        .then((preview) => {
          if (request === latest.current) setState({ status: "ready", preview });
        })
        .catch(() => {
          if (request === latest.current) setState({ status: "error" });
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // `edited` stands for the watched values; pick and getValues read the same form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edited, wanted, scope, scopeId]);

  return wanted ? state : { status: "idle" };
}

function ImpactPanel({ preview }: { preview: PreviewState }) {
  const t = useTranslations("Config");
  const visible = preview.status !== "idle" && !(preview.status === "ready" && preview.preview === null);
  return (
    <section
      aria-labelledby="impact-heading"
      aria-live="polite"
      aria-busy={preview.status === "loading"}
      hidden={!visible}
      className="border border-l-4 border-line border-l-sky-700 bg-white px-5 py-4"
    >
      <h2 id="impact-heading" className="font-semibold">
        {t("impact.heading")}
      </h2>
      {preview.status === "loading" && <p className="mt-2 text-sm text-muted">{t("impact.checking")}</p>}
      {preview.status === "error" && (
        <p className="mt-2 text-sm text-red-700">{t("impact.failed")}</p>
      )}
      {preview.status === "ready" && preview.preview && (
        <>
          {preview.preview.lines.length === 0 ? (
            <p className="mt-2 text-sm">{t("impact.none")}</p>
          ) : (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {preview.preview.lines.map((line) => (
                <li key={line.category}>
                  <a href={line.href} className="text-link underline hover:no-underline">
                    {t(`impact.${line.category}`, { count: line.count })}
                  </a>
                  {line.shown < line.count && (
                    <span className="text-muted"> {t("impact.firstShown", { shown: String(line.shown) })}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-muted">{t("impact.workedOut", { checked: preview.preview.checked })}</p>
        </>
      )}
    </section>
  );
}
