import type { Currency } from "../../planner/requirements.js";

const formatters = new Map<Currency, Intl.NumberFormat>();

/**
 * Whole units with the currency symbol ("€3,802"): the chart shows monthly costs to the unit,
 * and a fixed locale keeps the figures the same on every server.
 */
export function formatMoney(amount: number, currency: Currency): string {
  let formatter = formatters.get(currency);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
    formatters.set(currency, formatter);
  }
  return formatter.format(amount);
}

/** The symbol alone, for axis labels such as "€10k". */
export function currencySymbol(currency: Currency): string {
  return formatMoney(0, currency).replace(/[\d.,\s]/g, "");
}
