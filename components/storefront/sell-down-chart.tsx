"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useTranslateMessage } from "@/components/ui/use-translate-message";
import { formatQuantity } from "@/lib/i18n/format";
import {
  sellDownSeries,
  sellDownStretches,
  sellDownSummary,
  type SellDownInput,
  type StretchKind,
} from "@/lib/inventory";

const BAND: Record<StretchKind, string> = {
  "In stock": "#e3f1e5",
  "Only N left": "#fdf0d5",
  "Out of stock": "#f9e0e0",
};

/**
 * "What will shoppers see?": salable quantity against units sold from now until the product
 * stops being salable, with the storefront label of each stretch, where backorders begin and
 * where Notify for Quantity Below flags it once shipped (only with one source: see
 * SellDownNotify). Computed here, in the browser, by stepping
 * lib/inventory's sellDownSeries, so it redraws from unsaved settings (pass the effective
 * settings of the form being edited) without a round trip.
 */
export function SellDownChart({ input }: { input: SellDownInput }) {
  const series = useMemo(() => sellDownSeries(input), [input]);
  const stretches = useMemo(() => sellDownStretches(series), [series]);
  const t = useTranslations("Storefront.chart");
  const translate = useTranslateMessage();
  const locale = useLocale();
  const formatQty = (qty: number) => formatQuantity(qty, locale);
  const summary = useMemo(() => sellDownSummary(series).map(translate), [series, translate]);
  const salableAt = new Map(series.points.map((p) => [p.sold, p.salable]));
  const lastSold = series.points[series.points.length - 1].sold;
  // Room after the last sale, so the final "Out of stock" stretch (a single point) shows as a band.
  const xMax = Math.max(1, lastSold + (series.unlimited ? 0 : Math.max(1, Math.ceil(lastSold * 0.06))));
  const bandEnd = (i: number) => stretches[i + 1]?.fromSold ?? xMax;
  const summaryId = useId();
  const notifyAt = series.notify.kind === "one source" ? series.notify.at : null;

  return (
    <figure aria-describedby={summaryId} className="space-y-4">
      <div className="border border-line bg-white p-2">
        <ComposedChart
          responsive
          width="100%"
          height={300}
          data={series.points}
          margin={{ top: 28, right: 24, bottom: 24, left: 8 }}
          desc={summary.join(" ")}
        >
          {stretches.map((s, i) => (
            <ReferenceArea
              key={`${s.kind}-${s.fromSold}`}
              x1={s.fromSold}
              x2={bandEnd(i)}
              fill={BAND[s.kind]}
              fillOpacity={1}
              // A band too narrow for its words is named by the legend below instead.
              label={
                (bandEnd(i) - s.fromSold) / xMax >= 0.15
                  ? { value: s.shown ? translate(s.kind) : t("hidden", { label: translate(s.kind) }), position: "insideBottom", fontSize: 12, fill: "#303030" }
                  : undefined
              }
            />
          ))}
          <CartesianGrid strokeDasharray="3 3" stroke="#d6d6d6" />
          <XAxis
            dataKey="sold"
            type="number"
            domain={[0, xMax]}
            allowDecimals={false}
            label={{ value: t("unitsSoldFromNow"), position: "insideBottom", offset: -12 }}
          />
          <YAxis allowDecimals={false} label={{ value: t("salableQuantity"), angle: -90, position: "insideLeft", offset: 12 }} />
          <Tooltip
            labelFormatter={(sold) => t("sold", { qty: Number(sold) })}
            formatter={(value, _name, item) => [
              `${formatQty(Number(value))} (${translate((item.payload as { label: string }).label)})`,
              t("salableQuantity"),
            ]}
          />
          {series.backordersBeginAt !== null && (
            <ReferenceLine
              x={series.backordersBeginAt}
              stroke="#eb5202"
              strokeDasharray="6 3"
              label={{ value: t("backordersBegin"), position: "top", fontSize: 12, fill: "#ba4000" }}
            />
          )}
          {notifyAt !== null && (
            <ReferenceLine
              x={notifyAt}
              stroke="#007bdb"
              strokeDasharray="2 2"
              label={{ value: t("notifyOnceShipped"), position: "insideTopRight", fontSize: 12, fill: "#00539b", dy: 16 }}
            />
          )}
          <Line type="linear" dataKey="salable" name={t("salableQuantity")} stroke="#373330" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </div>
      <ul aria-hidden="true" className="flex flex-wrap gap-x-5 gap-y-1 text-xs">
        {(Object.keys(BAND) as StretchKind[]).map((kind) => (
          <li key={kind} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-5 border border-line" style={{ background: BAND[kind] }} />
            {translate(kind)}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span className="inline-block w-5 border-t-2 border-dashed border-[#eb5202]" /> {t("backordersBegin")}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block w-5 border-t-2 border-dotted border-[#007bdb]" /> {t("notifyOnceShipped")}
        </li>
      </ul>
      <figcaption id={summaryId}>
        <ul className="space-y-1 text-sm">
          {summary.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-[#006bb4]">{t("asTable")}</summary>
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-4">{t("unitsSold")}</th>
              <th scope="col" className="py-1 pr-4">{t("salableQuantity")}</th>
              <th scope="col" className="py-1 pr-4">{t("storefrontLabel")}</th>
              <th scope="col" className="py-1">{t("shownToShoppers")}</th>
            </tr>
          </thead>
          <tbody>
            {stretches.map((s) => (
              <tr key={`${s.kind}-${s.fromSold}`} className="border-b border-line">
                <td className="py-1 pr-4">
                  {s.fromSold === s.toSold ? formatQty(s.fromSold) : `${formatQty(s.fromSold)}–${formatQty(s.toSold)}`}
                </td>
                <td className="py-1 pr-4">
                  {s.fromSold === s.toSold
                    ? formatQty(salableAt.get(s.fromSold)!)
                    : `${formatQty(salableAt.get(s.fromSold)!)} → ${formatQty(salableAt.get(s.toSold)!)}`}
                </td>
                <td className="py-1 pr-4">
                  {s.firstLabel === s.lastLabel ? translate(s.firstLabel) : `${translate(s.firstLabel)} … ${translate(s.lastLabel)}`}
                </td>
                <td className="py-1">{s.shown ? t("yes") : t("no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
