"use client";

import { useCallback, useEffect, useRef } from "react";
import { get, useController, useFormContext, useFormState } from "react-hook-form";
import { FieldError } from "./field-error";

interface Choice {
  value: string;
  label: string;
}

interface FieldProps {
  /** The form value's dotted path ("stockItem.minQty", "sources.0.qty"); also the control's name. */
  name: string;
  label: string;
  /** The control's id, which its label, message and hint ids start from; by default the name, dashed. */
  id?: string;
  /** "text" unless options are given ("select"). A "switch" is a checkbox announced as on/off. */
  type?: "text" | "password" | "textarea" | "select" | "checkbox" | "switch";
  options?: readonly Choice[];
  /** The form value as the control's text or option value, and back: a Yes/No select over a boolean. */
  format?: (value: unknown) => string;
  parse?: (text: string) => unknown;
  /**
   * "stacked": label over the control, a checkbox before its label. "inline": label beside the
   * control (a title bar's form). "row": Magento's label | control grid, a group named by the label.
   */
  layout?: "stacked" | "inline" | "row";
  /** The label stays for assistive tech only: a table cell whose column header says it. */
  hideLabel?: boolean;
  required?: boolean;
  /** Greys the control only: the value stays in the form (it holds an inherited value, say). */
  disabled?: boolean;
  readOnly?: boolean;
  /** A line under the control that describes it (Magento's field comment). */
  hint?: React.ReactNode;
  /** More under the control; the ids in noteIds describe the control too. */
  notes?: React.ReactNode;
  noteIds?: string[];
  /** "[GLOBAL]", "[WEBSITE]", "[STORE VIEW]" beside the control. */
  scope?: string;
  /** Beside the control: "Use Config Settings", a button. */
  aside?: React.ReactNode;
  /** A unit before the box ("$"). */
  prefix?: string;
  /** The whole field's id, for links to it. */
  rowId?: string;
  /** Replaces the control's default size and colour classes. */
  controlClassName?: string;
  /** After the form value changed through this control. */
  onValueChange?: (value: unknown) => void;
  autoComplete?: string;
  inputMode?: "text" | "decimal" | "numeric";
  maxLength?: number;
  placeholder?: string;
  rows?: number;
}

const asText = (value: unknown) => (value === undefined || value === null ? "" : String(value));
/** Checkbox state of a form value: booleans, and Magento's 1 / "1". */
const isOn = (value: unknown) => value === true || value === 1 || value === "1";

const CONTROL_CLASS: Record<NonNullable<FieldProps["type"]> | "number", string> = {
  text: "w-full max-w-md border-line px-3 py-2 text-sm",
  /** A text box for a number is short. */
  number: "w-40 border-line px-3 py-2 text-sm",
  password: "w-full max-w-md border-line px-3 py-2 text-sm",
  textarea: "w-full max-w-md border-line px-3 py-2 text-sm",
  select: "min-w-40 border-line px-3 py-2 text-sm",
  checkbox: "h-4 w-4 accent-accent",
  switch: "h-5 w-9 accent-accent",
};

/**
 * One labelled control of a form in a FormProvider (ActionForm): text box, select, textarea or
 * checkbox, with its hint, notes and its message in an aria-live region, pointed at by
 * aria-describedby (the message's id first). The control is controlled by RHF, so the server
 * HTML already holds the form's default values and checked states: no empty fields before
 * hydration. Numbers stay text while typed; the form's zod schema reads "" as empty, never 0.
 */
export function Field(props: FieldProps) {
  const { name, label, layout = "stacked" } = props;
  const id = props.id ?? name.replaceAll(".", "-");
  const kind = props.type ?? (props.options ? "select" : "text");
  const number = kind === "text" && (props.inputMode === "decimal" || props.inputMode === "numeric");
  const checkbox = kind === "checkbox" || kind === "switch";
  const { trigger } = useFormContext();
  const { field, fieldState } = useController({ name });
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const change = (value: unknown) => {
    field.onChange(value);
    // A message, once shown, follows the typing (a dialog's Done checks without submitting).
    if (fieldState.invalid) void trigger(name);
    props.onValueChange?.(value);
  };
  const format = props.format ?? asText;
  const parse = props.parse ?? ((text: string) => text);

  const element = useRef<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null>(null);
  const fieldRef = field.ref;
  const ref = useCallback(
    (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null) => {
      element.current = el;
      fieldRef(el);
    },
    [fieldRef],
  );
  // The server HTML is editable before hydration, and React 19 keeps such an edit (or autofill,
  // or a value the browser restored) in the DOM while the form still holds the server's value:
  // Save would send what the merchant no longer sees. Read it now, before any re-render puts the
  // form's value back into the control, and hand it to the form after a tick, once the form's own
  // mount effects ran (RHF applies a `values` prop there). Later edits all go through onChange.
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const box = el instanceof HTMLInputElement && el.type === "checkbox";
    if (box ? el.checked === isOn(field.value) : el.value === format(field.value)) return;
    const shown = box ? el.checked : parse(el.value);
    const timer = setTimeout(() => change(shown));
    return () => clearTimeout(timer);
    // Once, on mount: later values reach the control through the form, not from the DOM.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const common = {
    id,
    name: field.name,
    ref,
    onBlur: field.onBlur,
    disabled: props.disabled,
    "aria-invalid": fieldState.invalid,
    "aria-required": props.required || undefined,
    "aria-describedby": [errorId, props.hint ? hintId : null, ...(props.noteIds ?? [])].filter(Boolean).join(" "),
    className: `border bg-white aria-invalid:border-red-700 ${props.controlClassName ?? CONTROL_CLASS[number ? "number" : kind]}`,
  };

  const control = checkbox ? (
    <input
      {...common}
      type="checkbox"
      role={kind === "switch" ? "switch" : undefined}
      checked={isOn(field.value)}
      onChange={(e) => change(e.target.checked)}
      className={props.controlClassName ?? CONTROL_CLASS[kind]}
    />
  ) : kind === "select" ? (
    <select {...common} value={format(field.value)} onChange={(e) => change(parse(e.target.value))}>
      {props.options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  ) : kind === "textarea" ? (
    <textarea {...common} rows={props.rows} value={format(field.value)} onChange={(e) => change(parse(e.target.value))} />
  ) : (
    <input
      {...common}
      type={kind === "password" ? "password" : "text"}
      value={format(field.value)}
      onChange={(e) => change(parse(e.target.value))}
      readOnly={props.readOnly}
      aria-readonly={props.readOnly || undefined}
      autoComplete={props.autoComplete}
      inputMode={props.inputMode}
      maxLength={props.maxLength}
      placeholder={props.placeholder}
    />
  );

  const labelClass =
    layout === "row"
      ? "pt-2 text-sm font-semibold sm:text-right"
      : checkbox || layout === "inline"
        ? "text-sm"
        : "block text-sm font-semibold";
  const labelElement = (
    <label id={`${id}-label`} htmlFor={id} className={props.hideLabel ? "sr-only" : labelClass}>
      {label}
      {props.required && (
        <span aria-hidden="true" className="ml-0.5 text-red-700">
          *
        </span>
      )}
    </label>
  );
  const below = (
    <>
      <FieldError id={errorId} message={fieldState.error?.message} />
      {props.hint && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {props.hint}
        </p>
      )}
      {props.notes}
    </>
  );
  const controlRow = (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      {props.prefix ? (
        <span className="flex items-center">
          <span aria-hidden="true" className="border border-r-0 border-line bg-page px-2 py-2 text-sm text-muted">
            {props.prefix}
          </span>
          {control}
        </span>
      ) : (
        control
      )}
      {props.scope && <span className="text-xs text-muted">{props.scope}</span>}
      {props.aside}
    </div>
  );

  if (layout === "row") {
    return (
      <div
        id={props.rowId}
        role="group"
        aria-labelledby={`${id}-label`}
        className="grid scroll-mt-6 grid-cols-1 items-start gap-x-6 gap-y-1 sm:grid-cols-[minmax(9rem,15rem)_minmax(0,1fr)]"
      >
        {labelElement}
        <div className="min-w-0">
          {controlRow}
          {below}
        </div>
      </div>
    );
  }
  return (
    <div id={props.rowId}>
      {checkbox ? (
        <div className="flex items-center gap-2">
          {control}
          {labelElement}
          {props.aside}
        </div>
      ) : layout === "inline" ? (
        <div className="flex items-center gap-2">
          {labelElement}
          {controlRow}
        </div>
      ) : (
        <>
          {labelElement}
          <div className={props.hideLabel ? "" : "mt-1"}>{controlRow}</div>
        </>
      )}
      {below}
    </div>
  );
}

/** The message of a path no control of its own shows (a row's source code), in an aria-live region. */
export function FieldMessage({ id, name }: { id: string; name: string }) {
  const { errors } = useFormState({ name });
  return <FieldError id={id} message={(get(errors, name) as { message?: string } | undefined)?.message} />;
}
