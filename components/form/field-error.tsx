/** The message under a field; the id lets the input point at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-0 text-sm text-red-700 empty:mt-0">
      {message}
    </p>
  );
}
