import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { Page } from "playwright-core";

/** axe-core's own file, injected into the page under test (no wrapper package: see STACK-NOTES). */
const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const IMPACTS = ["critical", "serious", "moderate", "minor"] as const;
export type Impact = (typeof IMPACTS)[number];

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

export interface AxeSummary {
  violations: AxeViolation[];
  passes: number;
  incomplete: number;
}

/**
 * Runs axe-core on what the page shows now (WCAG 2.0–2.2 A and AA rules and axe's best
 * practices), and returns its violations and how many rules passed.
 */
export async function runAxe(page: Page): Promise<AxeSummary> {
  const loaded = await page.evaluate(() => "axe" in window);
  // Not page.addScriptTag: it adds an inline <script>, which the app's Content-Security-Policy
  // (script-src 'self') rightly refuses. Evaluating the file through the DevTools protocol is not
  // subject to it, so the page is audited with its real headers, not with CSP bypassed.
  if (!loaded) await page.evaluate(await readFile(AXE_SCRIPT, "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, { resultTypes: ["violations"] })) as {
      violations: AxeViolation[];
      passes: unknown[];
      incomplete: unknown[];
    };
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String),
          failureSummary: n.failureSummary,
          html: n.html.slice(0, 200),
        })),
      })),
      passes: results.passes.length,
      incomplete: results.incomplete.length,
    };
  });
}

/** The violations a page must not have: those axe rates serious or critical. */
export function severe(summary: AxeSummary): AxeViolation[] {
  return summary.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Violations in words a person can act on: rule, impact, what to fix, and where. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const where = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    at ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : "";
      return `${v.id} (${v.impact}): ${v.help} [${v.nodes.length}]\n${where}${more}`;
    })
    .join("\n");
}

/** Counts by impact, e.g. "critical 0, serious 0, moderate 1, minor 0". */
export function countsByImpact(summary: AxeSummary): Record<Impact, number> {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of summary.violations) if (v.impact) counts[v.impact] += 1;
  return counts;
}

/** Collects each audited page's totals and writes them as one plain-text report. */
export class AxeReport {
  private readonly rows: { page: string; summary: AxeSummary }[] = [];

  add(page: string, summary: AxeSummary): void {
    this.rows.push({ page, summary });
  }

  text(): string {
    const lines = [
      `axe-core ${IMPACTS.join("/")} violations (rules violated) and rules passed, per page`,
      "",
    ];
    for (const { page, summary } of this.rows) {
      const c = countsByImpact(summary);
      lines.push(
        `${page.padEnd(34)} critical ${c.critical}  serious ${c.serious}  moderate ${c.moderate}  minor ${c.minor}  passes ${summary.passes}  incomplete ${summary.incomplete}`,
      );
    }
    const rest = this.rows.filter((r) => r.summary.violations.length > 0);
    if (rest.length > 0) {
      lines.push("", "Every violation, by page:");
      for (const { page, summary } of rest)
        lines.push(`\n${page}\n${formatViolations(summary.violations)}`);
    }
    return `${lines.join("\n")}\n`;
  }

  async write(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, this.text());
  }
}
