import type { useTranslations } from "next-intl";
import type { Catalog } from "@/lib/i18n/catalogs";
import {
  fieldByKey,
  fieldOptions,
  type ConfigField,
  type ConfigGroup,
  type InventoryConfigKey,
  type Scope,
  type ScopeNames,
  type ValueOrigin,
} from "@/lib/inventory";

/**
 * The configuration page's words in the reader's language. lib/inventory keeps the English ones
 * (the REST API answers with them); these pick the Config catalog's entry for the same field,
 * option, scope or origin, so the English catalog must hold exactly lib/inventory's texts.
 */
export type ConfigTranslator = ReturnType<typeof useTranslations<"Config">>;
type ConfigKey = Parameters<ConfigTranslator>[0];
type Catalogued = Catalog["Config"];

export function fieldLabel(t: ConfigTranslator, key: InventoryConfigKey): string {
  return t(`fields.${key}.label`);
}

/** The comment under a field's control, when lib/inventory gives it one. */
export function fieldComment(t: ConfigTranslator, field: ConfigField): string | undefined {
  return field.comment === undefined ? undefined : t(`fieldComments.${field.key as keyof Catalogued["fieldComments"]}`);
}

export function groupTitle(t: ConfigTranslator, group: ConfigGroup): string {
  return t(`groups.${group.id}.title`);
}

export function groupComment(t: ConfigTranslator, group: ConfigGroup): string | undefined {
  return group.comment === undefined ? undefined : t(`groups.${group.id as "item_options"}.comment`);
}

type OptionSet = keyof Catalogued["options"];

function optionSet(field: ConfigField): OptionSet | null {
  if (field.input === "yesno") return "yesno";
  return field.key === "backorders" || field.key === "notAvailableMessage" ? field.key : null;
}

/** The choices of a Yes/No or select field, labelled in the reader's language. */
export function fieldChoices(t: ConfigTranslator, field: ConfigField): { value: string; label: string }[] {
  const set = optionSet(field);
  return fieldOptions(field).map((option) => ({
    value: option.value,
    label: set ? t(`options.${set}.${option.value}` as ConfigKey) : option.label,
  }));
}

/** A value as the admin reads it: the option's label for selects and Yes/No, else the text itself. */
export function optionText(t: ConfigTranslator, key: InventoryConfigKey, value: string | number | boolean): string {
  const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  return fieldChoices(t, fieldByKey(key)).find((choice) => choice.value === text)?.label ?? text;
}

/** "[GLOBAL]", "[WEBSITE]" or "[STORE VIEW]" beside the control. */
export function scopeLevelText(t: ConfigTranslator, field: ConfigField): string {
  return t(`scopeLevels.${field.scopeLevel}`);
}

/** The inherit checkbox's label at a scope: "Use system value", "Use Default", "Use Website". */
export function inheritText(t: ConfigTranslator, scope: Scope): string {
  return t(`inherit.${scope}`);
}

/** Where a value comes from ("Website: Main Website"), as lib/inventory's describeOrigin words it. */
export function originText(t: ConfigTranslator, origin: ValueOrigin, names?: ScopeNames): string {
  if (origin.kind === "system") return t("origin.system");
  if (origin.kind === "product") return t("origin.product");
  const unnamed = () => t("origin.unnamed", { id: String(origin.scopeId) });
  if (origin.scope === "websites") return t("origin.website", { name: names?.websites?.[origin.scopeId] ?? unnamed() });
  if (origin.scope === "stores") return t("origin.store", { name: names?.stores?.[origin.scopeId] ?? unnamed() });
  return t("origin.default");
}

