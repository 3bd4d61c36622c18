/**
 * Messages that reach a person as English text (the forms' zod schemas, the refusals of a save,
 * the shopper notices of lib/inventory) are written once, in English, because the REST API answers
 * them in English as Magento does. The catalogs' `Messages` namespace holds each of them as an ICU
 * message whose English text is the message itself ("Product with SKU \"{sku}\" does not exist.");
 * this finds which one a text is and with which arguments, so the screen can show it in the
 * reader's language. A text no entry matches is shown as it is. An argument written as a number
 * is passed as one, so `{qty, number, ::.####}` writes it with the reader's decimal comma.
 */
export interface KnownMessage {
  key: string;
  values: Record<string, string | number>;
}

interface Pattern {
  key: string;
  regex: RegExp;
  names: string[];
}

const PLACEHOLDER = /\{(\w+)(?:,[^{}]*)?\}/g;
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER.source);
const NUMBER = /^-?\d+(\.\d+)?$/;
const argument = (text: string) => (NUMBER.test(text) ? Number(text) : text);
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** ICU's quoting: '' is one apostrophe (a lone one before a brace quotes; our catalogs never do that). */
const unquote = (text: string) => text.replace(/''/g, "'");

function compile(key: string, english: string): Pattern {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const match of english.matchAll(PLACEHOLDER)) {
    source += escapeRegex(unquote(english.slice(last, match.index)));
    source += "([\\s\\S]*?)";
    names.push(match[1]);
    last = match.index + match[0].length;
  }
  source += escapeRegex(unquote(english.slice(last)));
  return { key, regex: new RegExp(`^${source}$`), names };
}

/** A matcher over the English `Messages` catalog: plain texts first, then the longest patterns. */
export function messageMatcher(english: Record<string, string>): (text: string) => KnownMessage | null {
  const exact = new Map<string, string>();
  const patterns: Pattern[] = [];
  for (const [key, message] of Object.entries(english)) {
    if (HAS_PLACEHOLDER.test(message)) patterns.push(compile(key, message));
    else exact.set(unquote(message), key);
  }
  patterns.sort((a, b) => b.regex.source.length - a.regex.source.length);
  return (text) => {
    const key = exact.get(text);
    if (key) return { key, values: {} };
    for (const pattern of patterns) {
      const match = pattern.regex.exec(text);
      if (match) return { key: pattern.key, values: Object.fromEntries(pattern.names.map((name, i) => [name, argument(match[i + 1])])) };
    }
    return null;
  };
}
