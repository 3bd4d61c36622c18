import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { ERROR_CATALOGS } from "@/lib/i18n/error-catalogs";
import { formatQuantity } from "@/lib/i18n/format";
import { knownMessage, translateWith } from "@/lib/i18n/message-translator";
import { thresholdExplanation } from "@/components/admin/threshold-explanation";
import { CONFIG_FIELDS, CONFIG_GROUPS, fieldOptions, type Backorders } from "@/lib/inventory";

/** Every leaf of a catalog as [dotted key, message]. */
function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`),
  );
}

/** Every catalog of a locale, the error boundaries' own included. */
const ALL = {
  "en-US": { ...CATALOGS["en-US"], Errors: ERROR_CATALOGS["en-US"] },
  "nl-NL": { ...CATALOGS["nl-NL"], Errors: ERROR_CATALOGS["nl-NL"] },
};
const en = new Map(leaves(ALL["en-US"]));
const nl = new Map(leaves(ALL["nl-NL"]));

/** The arguments and tags a message takes: what a translation must keep. */
function slots(message: string): string[] {
  const names = [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...names, ...tags])].sort();
}

/** Sample arguments for a message: a number for every argument, a wrapper for every tag. */
function samples(message: string): Record<string, unknown> {
  return Object.fromEntries(
    slots(message).map((slot) => (slot.startsWith("<") ? [slot.slice(1, -1), (chunks: unknown) => chunks] : [slot, 2])),
  );
}

describe("the message catalogs", () => {
  it("have every key in both English and Dutch", () => {
    expect([...nl.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !nl.has(key))).toEqual([]);
  });

  it("have no empty message, and Dutch keeps each message's arguments and tags", () => {
    for (const [key, message] of en) {
      expect(message.trim(), key).not.toBe("");
      expect(nl.get(key)?.trim(), key).not.toBe("");
      expect(slots(nl.get(key) ?? ""), key).toEqual(slots(message));
    }
  });

  it("are valid ICU messages that render in both locales", () => {
    for (const locale of ["en-US", "nl-NL"] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: ALL[locale], onError: (error) => errors.push(error.message) });
      for (const [key, message] of en) (t as unknown as (k: string, v: object) => string)(key, samples(message));
      expect(errors, locale).toEqual([]);
    }
  });

  it("find each English message of the Messages namespace again from its text", () => {
    const t = createTranslator({ locale: "en-US", messages: CATALOGS["en-US"], namespace: "Messages" });
    for (const [key, message] of Object.entries(CATALOGS["en-US"].Messages)) {
      const text = (t as unknown as (k: string, v: object) => string)(key, samples(message));
      expect(knownMessage(text)?.key, `${key}: ${text}`).toBe(key);
    }
  });
});

describe("English messages shown in Dutch", () => {
  const t = createTranslator({ locale: "nl-NL", messages: CATALOGS["nl-NL"], namespace: "Messages" });
  const toDutch = (text: string) => translateWith((key, values) => (t as unknown as (k: string, v: object) => string)(key, values), "nl-NL", text);

  it.each([
    ["Only 5 left", "Nog slechts 5 over"],
    ["Only 2.5 left", "Nog slechts 2,5 over"],
    ["Out of stock", "Niet op voorraad"],
    ["Not enough items for sale", "Onvoldoende artikelen te koop"],
    [
      "We don't have as many quantity as you requested, but we'll back order the remaining 1.5.",
      "We hebben niet zoveel op voorraad als u hebt gevraagd, maar we bestellen de resterende 1,5 na.",
    ],
    // A sentence made of smaller known ones reads whole.
    ['At 3 units sold, shoppers see "Only 2 left".', "Bij 3 stuks verkocht zien klanten ‘Nog slechts 2 over’."],
  ])("%s → %s", (english, dutch) => {
    expect(toDutch(english)).toBe(dutch);
  });

  it("leaves a text no entry knows as it is, and English as it is", () => {
    expect(toDutch("SR-CAP")).toBe("SR-CAP");
    expect(translateWith(() => "never", "en-US", "Only 5 left")).toBe("Only 5 left");
  });

  it("writes quantities with the locale's decimal mark and without grouping", () => {
    expect(formatQuantity(1234.5, "en-US")).toBe("1234.5");
    expect(formatQuantity(1234.5, "nl-NL")).toBe("1234,5");
    expect(formatQuantity(-0, "nl-NL")).toBe("0");
    expect(formatQuantity(2.12345, "nl-NL")).toBe("2,1235");
  });
});

describe("the configuration page's catalog", () => {
  const config = CATALOGS["en-US"].Config as unknown as {
    groups: Record<string, { title: string; comment?: string }>;
    fields: Record<string, { label: string }>;
    fieldComments: Record<string, string>;
    options: Record<string, Record<string, string>>;
  };

  // The page words lib/inventory's fields through this catalog; REST, the Action Log and the
  // impact preview use lib/inventory's own English: the two must never drift apart.
  it.each(CONFIG_FIELDS.map((field) => [field.key, field] as const))("says in English exactly what lib/inventory says of %s", (key, field) => {
    expect(config.fields[key]?.label).toBe(field.label);
    if (field.comment !== undefined) expect(config.fieldComments[key]).toBe(field.comment);
    const set = field.input === "yesno" ? "yesno" : field.options ? key : null;
    for (const option of fieldOptions(field)) expect(set && config.options[set]?.[option.value]).toBe(option.label);
  });

  it.each(CONFIG_GROUPS.map((group) => [group.id, group] as const))("titles group %s as lib/inventory does", (id, group) => {
    expect(config.groups[id]).toEqual({ title: group.title, ...(group.comment === undefined ? {} : { comment: group.comment }) });
  });
});

describe("the threshold explanation (inventory-rules §1.3 Decision) in both languages", () => {
  const explain = (locale: "en-US" | "nl-NL") => {
    const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "Config" });
    return (raw: number, backorders: Backorders) => thresholdExplanation(t as never, locale, raw, backorders);
  };

  it.each<[number, Backorders, string]>([
    [-50, 1, "Up to 50 units can be sold below zero."],
    [-1, 2, "Up to 1 unit can be sold below zero."],
    [-2.5, 1, "Up to 2.5 units can be sold below zero."],
    [5, 1, "Ignored while Backorders are allowed: backorders are unlimited."],
    [0, 2, "Backorders are unlimited: shoppers can always order."],
    [-5, 0, "Negative values are ignored while Backorders are off."],
    [5, 0, "Products go out of stock when their quantity falls to 5 or below."],
    [0, 0, "Products go out of stock when their quantity reaches 0."],
  ])("raw %d with backorders %d → %s", (raw, backorders, sentence) => {
    expect(explain("en-US")(raw, backorders)).toBe(sentence);
  });

  it("writes the Dutch quantity with a decimal comma", () => {
    expect(explain("nl-NL")(-2.5, 1)).toContain("2,5");
  });
});
