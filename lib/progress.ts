/**
 * What a long admin write (mass update, import) streams to the browser, one JSON object per line:
 * progress while it runs, then exactly one outcome. A refusal rolled everything back; `fieldErrors`
 * and `rows` say where (a form field, or a file's line and column).
 */
export interface ProgressRowError {
  line: number;
  column: string | null;
  message: string;
}

export type ProgressEvent<R> =
  | { type: "progress"; done: number; total: number | null }
  | { type: "done"; result: R }
  | { type: "refused"; message: string; fieldErrors?: Record<string, string>; rows?: ProgressRowError[] }
  | { type: "failed"; message: string };

/** Reports how far a long write has come; called as often as convenient (the stream throttles it). */
export type ReportProgress = (done: number, total: number | null) => void;
