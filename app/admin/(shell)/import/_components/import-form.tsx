"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ProgressBar } from "@/components/admin/progress-bar";
import { useProgressPost, type ProgressState } from "@/components/admin/use-progress-post";
import { FieldError } from "@/components/form/field-error";
import { Button } from "@/components/ui/button";
import { Message } from "@/components/ui/message";
import { useTranslateMessage } from "@/components/ui/use-translate-message";
import {
  CSV_ENTITIES,
  DATA_INVALID,
  FILE_TOO_LARGE,
  FILE_VALID,
  IMPORT_BEHAVIORS,
  IMPORT_DONE,
  MAX_IMPORT_BYTES,
  PRODUCT_CSV_HEADER,
  STOCK_SOURCE_CSV_HEADER,
  type CsvEntity,
  type ImportBehavior,
  type ImportReport,
} from "@/lib/catalog-csv";
import type { ProgressRowError } from "@/lib/progress";
import { finishImportAction } from "../actions";

type Mode = "check" | "import";

const PATHS: Record<Mode, string> = { check: "/admin/import/validate", import: "/admin/import/start" };
const FILE_REQUIRED = "Please select a file to import.";

/** Products import stock columns only: Add/Update is their one behaviour (the server refuses the others too). */
const behaviorsOf = (entity: CsvEntity) => (Object.keys(IMPORT_BEHAVIORS) as ImportBehavior[]).filter((b) => entity === "stock_sources" || b === "append");

/**
 * System > Data Transfer > Import: entity, behaviour and file; "Check Data" posts the file and
 * lists every row in error, "Import" (enabled once the same file checked clean) posts it again
 * and the server checks it again while importing. Progress and outcome are announced.
 */
export function ImportForm() {
  const t = useTranslations("System");
  const router = useRouter();
  const progress = useProgressPost<ImportReport>();
  const [entity, setEntity] = useState<CsvEntity>("catalog_product");
  const [behavior, setBehavior] = useState<ImportBehavior>("append");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [mode, setMode] = useState<Mode>("check");
  const [checkedClean, setCheckedClean] = useState(false);

  const changed = () => {
    setCheckedClean(false);
    progress.reset();
  };

  async function send(next: Mode) {
    if (progress.state.phase === "running" || (next === "import" && !checkedClean)) return;
    if (!file) return setFileError(FILE_REQUIRED);
    if (file.size > MAX_IMPORT_BYTES) return setFileError(FILE_TOO_LARGE);
    setFileError(undefined);
    setMode(next);
    setCheckedClean(false);
    const query = new URLSearchParams({ entity, behavior, name: file.name });
    const outcome = await progress.start(`${PATHS[next]}?${query}`, file);
    if (outcome.type !== "done") return;
    if (next === "check") setCheckedClean(outcome.result.totalErrors === 0);
    else {
      await finishImportAction({});
      router.refresh();
    }
  }

  const running = progress.state.phase === "running";
  return (
    <form
      className="mt-6 max-w-3xl space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        void send("check");
      }}
    >
      <fieldset className="space-y-4 border border-line bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("import.settings")}</legend>
        <SelectField
          label={t("import.entityType")}
          value={entity}
          options={(Object.keys(CSV_ENTITIES) as CsvEntity[]).map((value) => [value, t(`dataTransfer.entities.${value}`)] as const)}
          onChange={(value) => {
            setEntity(value);
            setBehavior("append");
            changed();
          }}
        />
        <SelectField
          label={t("import.behavior")}
          value={behavior}
          options={behaviorsOf(entity).map((value) => [value, t(`dataTransfer.behaviors.${value}`)] as const)}
          onChange={(value) => {
            setBehavior(value);
            changed();
          }}
        />
        <p className="text-sm">
          <span className="font-semibold">{t("import.strategy")}</span> {t("import.strategyText")}
        </p>
      </fieldset>
      <fieldset className="space-y-2 border border-line bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("import.fileToImport")}</legend>
        <label className="block text-sm font-semibold">
          {t("import.selectFile")}
          <input
            type="file"
            accept=".csv,text/csv"
            className="mt-1 block text-sm"
            aria-describedby="import-file-error import-columns"
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(undefined);
              changed();
            }}
          />
        </label>
        <FieldError id="import-file-error" message={fileError} />
        <p id="import-columns" className="text-sm text-muted">
          {t("import.columnsIntro")} <code>{(entity === "catalog_product" ? PRODUCT_CSV_HEADER : STOCK_SOURCE_CSV_HEADER).join(", ")}</code>
          {entity === "catalog_product" ? t("import.productColumnsNote") : "."}
        </p>
      </fieldset>
      <div className="flex gap-2">
        {/* aria-disabled, not disabled: a button that keeps the focus while the file is sent lets the keyboard go on to Import. */}
        <Button type="submit" variant={checkedClean ? "secondary" : "primary"} aria-disabled={running} className="aria-disabled:opacity-60">
          {t("import.checkData")}
        </Button>
        <Button variant="primary" aria-disabled={running || !checkedClean} className="aria-disabled:opacity-60" onClick={() => void send("import")}>
          {t("import.import")}
        </Button>
      </div>
      <div aria-live="polite" className="space-y-3">
        <ImportStatus mode={mode} state={progress.state} />
      </div>
    </form>
  );
}

function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
}) {
  return (
    <label className="block text-sm font-semibold">
      {label}
      <select className="mt-1 block w-72 border border-line bg-white px-2 py-2" value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** lib/catalog-csv's figures after "Check Data" and "Import", in the reader's language. */
function useSummaries() {
  const t = useTranslations("System.import");
  const checked = (r: ImportReport) =>
    t("checkedSummary", { rows: String(r.rows), entities: String(r.entities), invalidRows: String(r.invalidRows), totalErrors: String(r.totalErrors) });
  const imported = (r: ImportReport) => {
    const figures = t("importedSummary", {
      created: String(r.created),
      updated: String(r.updated),
      deleted: String(r.deleted),
      unchanged: String(r.unchanged),
    });
    return r.statusSwitched === 0 ? figures : t("statusSwitched", { figures, count: r.statusSwitched, n: String(r.statusSwitched) });
  };
  return { checked, imported };
}

function ImportStatus({ mode, state }: { mode: Mode; state: ProgressState<ImportReport> }) {
  const t = useTranslations("System.import");
  const translate = useTranslateMessage();
  const summaries = useSummaries();
  if (state.phase === "idle") return null;
  if (state.phase === "running") {
    return <ProgressBar label={mode === "check" ? t("checking") : t("importing")} done={state.done} total={state.total} unit={t("rows")} />;
  }
  const { outcome } = state;
  if (outcome.type === "failed") return <Message kind="error">{translate(outcome.message)}</Message>;
  if (outcome.type === "refused") {
    return (
      <>
        <Message kind="error">{translate(outcome.message)}</Message>
        {outcome.rows && <ErrorList errors={outcome.rows} more={0} />}
      </>
    );
  }
  const report = outcome.result;
  if (mode === "import") {
    return (
      <Message kind="success">
        <p>{translate(IMPORT_DONE)}</p>
        <p>{summaries.imported(report)}</p>
      </Message>
    );
  }
  if (report.totalErrors === 0) {
    return (
      <Message kind="success">
        <p>{summaries.checked(report)}</p>
        <p>{translate(FILE_VALID)}</p>
      </Message>
    );
  }
  return (
    <>
      <Message kind="error">
        <p>{translate(DATA_INVALID)}</p>
        <p>{summaries.checked(report)}</p>
      </Message>
      <ErrorList errors={report.errors} more={report.totalErrors - report.errors.length} />
    </>
  );
}

function ErrorList({ errors, more }: { errors: readonly ProgressRowError[]; more: number }) {
  const t = useTranslations("System.import");
  const locale = useLocale();
  const translate = useTranslateMessage();
  // lib/catalog-csv's errorLine, with the message in the reader's language.
  const line = (e: ProgressRowError) =>
    e.column === null
      ? t("errorLine", { line: String(e.line), message: translate(e.message) })
      : t("errorLineColumn", { line: String(e.line), column: e.column, message: translate(e.message) });
  return (
    <div className="border border-line bg-white p-4 text-sm">
      <h2 className="font-semibold">{t("errors")}</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-6">
        {errors.map((error, i) => (
          <li key={i}>{line(error)}</li>
        ))}
      </ol>
      {more > 0 && <p className="mt-2">{t("more", { count: more.toLocaleString(locale) })}</p>}
    </div>
  );
}
