import type { TopLevelSpec } from "vega-lite";
import { COST_CATEGORIES, type CostCategory } from "../../planner/proposal.js";
import type { CostChartData } from "./chart-data.js";
import { currencySymbol } from "./money.js";
import { FONT_FAMILY } from "./png.js";

type Panel = Extract<TopLevelSpec, { hconcat: unknown }>["hconcat"][number];

/** Fixed colours per category, so "data" is the same colour in every proposal and revision. */
const CATEGORY_COLOURS: Record<CostCategory, string> = {
  compute: "#4c78a8",
  data: "#f58518",
  network: "#54a24b",
  storage: "#b279a2",
  platform: "#72b7b2",
  environments: "#9d755d",
};

const ALERT_COLOUR = "#dc2626";
const THRESHOLD_PERCENT = 80;
const HEIGHT = 340;
const COST_WIDTH = 520;
const UTILISATION_WIDTH = 380;

/** Axis ticks at powers of ten only: a log axis labelled at 2, 3, 4, 6, 8 of each decade is unreadable. */
function decades(data: CostChartData): number[] {
  const ticks: number[] = [];
  for (let tick = data.axisMin; tick <= data.axisMax; tick *= 10) ticks.push(tick);
  return ticks;
}

function costPanel(data: CostChartData): Panel {
  const step = { field: "step", type: "nominal", sort: data.steps, title: null, axis: { labelAngle: 0 } } as const;
  const y = {
    type: "quantitative",
    scale: { type: "log", domain: [data.axisMin, data.axisMax] as number[], nice: false },
    title: `Monthly cost (${data.currency}, log scale)`,
    // A JSON string literal is a valid Vega expression string, whatever the symbol is.
    axis: { labelExpr: `${JSON.stringify(currencySymbol(data.currency))} + format(datum.value, "~s")`, values: decades(data), grid: true },
  } as const;
  const layers: Extract<Panel, { layer: unknown }>["layer"] = [
    {
      data: { values: data.segments },
      mark: { type: "bar", width: { band: 0.6 } },
      encoding: {
        x: step,
        y: { ...y, field: "high" },
        y2: { field: "low" },
        color: {
          field: "category",
          type: "nominal",
          title: "Category",
          scale: { domain: [...COST_CATEGORIES], range: COST_CATEGORIES.map((c) => CATEGORY_COLOURS[c]) },
          legend: { orient: "bottom", direction: "horizontal", columns: 3 },
        },
      },
    },
    {
      data: { values: data.totals },
      mark: { type: "text", dy: -8, fontWeight: "bold", fontSize: 13 },
      encoding: { x: step, y: { ...y, field: "y" }, text: { field: "label" } },
    },
  ];
  if (data.budget !== undefined) {
    const budget = { values: [data.budget] };
    layers.push(
      { data: budget, mark: { type: "rule", color: ALERT_COLOUR, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y: { ...y, field: "amount" } } },
      {
        data: budget,
        mark: { type: "text", color: ALERT_COLOUR, align: "left", baseline: "bottom", x: 4, dy: -4, fontWeight: "bold" },
        encoding: { y: { ...y, field: "amount" }, text: { field: "label" } },
      },
    );
  }
  return {
    title: {
      text: "Monthly cost today and at each scale step",
      // Two short lines: Vega estimates text width generously without a canvas, and one long line widens the panel.
      subtitle: ["Log scale: bar tops are totals,", "segment lengths are each category's share"],
    },
    width: COST_WIDTH,
    height: HEIGHT,
    layer: layers,
  };
}

function utilisationPanel(data: CostChartData): Panel {
  const maxPercent = Math.max(100, ...data.utilisation.map((u) => u.percent)) * 1.05;
  const y = { type: "quantitative", scale: { domain: [0, maxPercent] as number[], nice: false }, title: "Utilisation at peak (%)" } as const;
  const threshold = { values: [{ percent: THRESHOLD_PERCENT, label: `${THRESHOLD_PERCENT}% threshold` }] };
  return {
    title: { text: "Top bottlenecks as traffic grows", subtitle: ["Each step's peak on the previous step's design:", "what breaks without that step's changes"] },
    width: UTILISATION_WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: data.utilisation },
        mark: { type: "line", point: { size: 60, filled: true }, strokeWidth: 2.5 },
        encoding: {
          x: { field: "step", type: "ordinal", sort: data.steps, title: null, axis: { labelAngle: 0 }, scale: { domain: data.steps } },
          y: { ...y, field: "percent" },
          color: {
            field: "bottleneck",
            type: "nominal",
            title: "Bottleneck",
            scale: { domain: data.bottlenecks, range: ["#7c3aed", "#0891b2", "#ca8a04"] },
            legend: { orient: "bottom", direction: "vertical", labelLimit: 360 },
          },
        },
      },
      { data: threshold, mark: { type: "rule", color: ALERT_COLOUR, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y: { ...y, field: "percent" } } },
      {
        data: threshold,
        mark: { type: "text", color: ALERT_COLOUR, align: "left", baseline: "bottom", x: 4, dy: -4, fontWeight: "bold" },
        encoding: { y: { ...y, field: "percent" }, text: { field: "label" } },
      },
    ],
  };
}

/** The cost and scale chart as a Vega-Lite spec: cost against budget beside bottleneck utilisation. */
export function costChartSpec(data: CostChartData, title: string): TopLevelSpec {
  return {
    title: { text: title, fontSize: 18, anchor: "start", offset: 16 },
    background: "white",
    padding: 16,
    hconcat: [costPanel(data), utilisationPanel(data)],
    spacing: 48,
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: {
      font: FONT_FAMILY,
      view: { stroke: null },
      title: { fontSize: 14, subtitleFontSize: 12, subtitleColor: "#4b5563" },
      axis: { labelFontSize: 12, titleFontSize: 12 },
      legend: { labelFontSize: 12, titleFontSize: 12 },
    },
  };
}
