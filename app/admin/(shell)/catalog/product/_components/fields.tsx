"use client";

import { get, useController, useFormContext, useFormState, type Path } from "react-hook-form";
import { FieldError } from "@/components/form/field-error";
import type { ProductFormInput } from "@/lib/validation/product";

export type FormPath = Path<ProductFormInput>;

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/**
 * One labelled row of the product page: label on the left (right-aligned, Magento style), the
 * control, its scope label and extras, then notes and the field's message. The row is a group
 * named by its label so a row's "Use Config Settings" can be found by the field's name.
 */
export function FieldRow(props: {
  id: string;
  label: string;
  /** The form value whose message shows under the control. */
  name?: FormPath;
  required?: boolean;
  scope?: string;
  children: React.ReactNode;
  /** Beside the control: the "Use Config Settings" checkbox, a button. */
  aside?: React.ReactNode;
  /** Under the control: where the value comes from, explanations, the message. */
  notes?: React.ReactNode;
}) {
  return (
    <div role="group" aria-labelledby={`${props.id}-label`} className="grid grid-cols-[minmax(9rem,15rem)_1fr] items-start gap-x-6">
      <label id={`${props.id}-label`} htmlFor={props.id} className="pt-2 text-right text-sm font-semibold">
        {props.label}
        {props.required && (
          <span aria-hidden="true" className="ml-0.5 text-red-700">
            *
          </span>
        )}
      </label>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {props.children}
          {props.scope && <span className="text-xs text-muted">{props.scope}</span>}
          {props.aside}
        </div>
        {props.name && <FieldMessage id={`${props.id}-error`} name={props.name} />}
        {props.notes}
      </div>
    </div>
  );
}

interface ControlProps {
  id: string;
  name: FormPath;
  disabled?: boolean;
  /** Ids of notes that describe the control, besides its message. */
  notes?: string[];
  required?: boolean;
}

/**
 * A text box for a number or text. Numbers stay text while typed; the zod schema turns them into
 * numbers ("" is empty, never 0). `disabled` only greys the box: the value stays in the form.
 */
export function TextControl(props: ControlProps & { inputMode?: "decimal" | "text"; prefix?: string; wide?: boolean }) {
  const { field, fieldState } = useController<ProductFormInput>({ name: props.name });
  const onChange = useRecheck(props.name, fieldState.invalid, field.onChange);
  const errorId = `${props.id}-error`;
  return (
    <span className="flex items-center">
      {props.prefix && (
        <span aria-hidden="true" className="border border-r-0 border-line bg-page px-2 py-2 text-sm text-muted">
          {props.prefix}
        </span>
      )}
      <input
        id={props.id}
        ref={field.ref}
        name={field.name}
        type="text"
        inputMode={props.inputMode ?? "text"}
        value={field.value === undefined || field.value === null ? "" : String(field.value)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={field.onBlur}
        disabled={props.disabled}
        aria-required={props.required || undefined}
        aria-invalid={!!fieldState.error}
        aria-describedby={describedBy(errorId, ...(props.notes ?? []))}
        className={`border border-line bg-white px-3 py-2 text-sm ${props.wide ? "w-full max-w-xl" : "w-40"}`}
      />
    </span>
  );
}

/**
 * Messages appear on Save or Done; once a field shows one, it follows the typing (the dialog's
 * Done is not a submit, so RHF's re-validation after submit would not cover it).
 */
function useRecheck(name: FormPath, invalid: boolean, onChange: (value: unknown) => void) {
  const { trigger } = useFormContext<ProductFormInput>();
  return (value: unknown) => {
    onChange(value);
    if (invalid) void trigger(name);
  };
}

export interface Choice {
  value: string;
  label: string;
}

/** A select over typed values: `toText`/`fromText` map the form value to an option value and back. */
export function SelectControl<T>(
  props: ControlProps & { options: readonly Choice[]; toText: (value: T) => string; fromText: (text: string) => T },
) {
  const { field, fieldState } = useController<ProductFormInput>({ name: props.name });
  const onChange = useRecheck(props.name, fieldState.invalid, field.onChange);
  const errorId = `${props.id}-error`;
  return (
    <select
      id={props.id}
      ref={field.ref}
      name={field.name}
      value={props.toText(field.value as T)}
      onChange={(e) => onChange(props.fromText(e.target.value))}
      onBlur={field.onBlur}
      disabled={props.disabled}
      aria-invalid={!!fieldState.error}
      aria-describedby={describedBy(errorId, ...(props.notes ?? []))}
      className="min-w-40 border border-line bg-white px-3 py-2 text-sm"
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The message of a field, in an aria-live region right under it. */
export function FieldMessage({ id, name }: { id: string; name: FormPath }) {
  const { errors } = useFormState<ProductFormInput>({ name });
  return <FieldError id={id} message={(get(errors, name) as { message?: string } | undefined)?.message} />;
}

/** Yes/No selects hold booleans; Magento's option values are "1" and "0". */
export const booleanText = {
  toText: (value: unknown) => (value === true || value === 1 || value === "1" ? "1" : "0"),
  fromText: (text: string) => text === "1",
};
