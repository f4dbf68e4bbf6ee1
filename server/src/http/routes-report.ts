import {
  type PlanReport,
  planReport,
  todayIso,
  WORKSPACE_PLAN_MODELS_MAX,
  workspacePlanReport,
} from "@logic-canvas/shared";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { ModelUnavailableError } from "../models/models.ts";
import { planToDocx } from "../reports/docx-writer.ts";
import { planToPdf } from "../reports/pdf-writer.ts";
import { planInput } from "../reports/plan-input.ts";
import type { ApiDeps, RouteKit } from "./api.ts";
import { attachment, fileName, modelIdOf } from "./routes.ts";
import { type WorkspaceCall, workspaceCall } from "./workspace-kit.ts";

const reportQuery = z.object({
  format: z.enum(["pdf", "docx"], { error: 'must be "pdf" or "docx"' }),
});

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Writing a plan costs far more than reading a model: a tighter limit per address. */
export const REPORTS_PER_MINUTE = 12;

/**
 * `GET /api/models/:id/report?format=pdf|docx`: the written plan, for anyone who may view; and
 * `GET /api/workspaces/:wid/report`: the plans of the models at or below a workspace.
 */
export function reportRoutes(kit: RouteKit): void {
  const { app, deps, requireRole } = kit;
  app.get(
    "/api/models/:id/report",
    {
      onRequest: requireRole("viewer"),
      schema: { querystring: reportQuery },
      config: { rateLimit: { max: REPORTS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const id = modelIdOf(request.params);
      const plan = planReport(await planInput(deps, id));
      return sendPlan(reply, plan, request.query.format);
    },
  );

  app.get(
    "/api/workspaces/:wid/report",
    {
      schema: { querystring: reportQuery },
      config: { rateLimit: { max: REPORTS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const call = await workspaceCall(deps, request, "see");
      const plan = await workspacePlan(deps, call);
      return sendPlan(reply, plan, request.query.format);
    },
  );
}

async function sendPlan(reply: FastifyReply, plan: PlanReport, format: "pdf" | "docx") {
  const pdf = format === "pdf";
  const body = pdf ? await planToPdf(plan) : await planToDocx(plan);
  return reply
    .type(pdf ? "application/pdf" : DOCX_TYPE)
    .header(
      "Content-Disposition",
      attachment(fileName(plan.title), pdf ? ".plan.pdf" : ".plan.docx"),
    )
    .send(body);
}

/** Every model at or below the workspace that the caller's memberships open, top of the tree first. */
async function workspacePlan(deps: ApiDeps, { viewer, workspace }: WorkspaceCall) {
  const ids = viewer.subtree(workspace.id);
  const records = (await deps.store.workspaces.listModelsIn(ids))
    .filter((r) => r.workspaceId && viewer.modelRole(r.workspaceId))
    .sort((a, b) => ids.indexOf(a.workspaceId ?? "") - ids.indexOf(b.workspaceId ?? ""));
  const plans = [];
  for (const record of records.slice(0, WORKSPACE_PLAN_MODELS_MAX)) {
    const place = viewer.tree.get(record.workspaceId ?? "")?.name ?? workspace.name;
    try {
      plans.push({ place, plan: planReport(await planInput(deps, record.id)) });
    } catch (error) {
      // A model that cannot be read is named, not dropped.
      if (!(error instanceof ModelUnavailableError)) throw error;
      plans.push({ place, plan: unreadable(record.title) });
    }
  }
  const more = Math.max(0, records.length - WORKSPACE_PLAN_MODELS_MAX);
  return workspacePlanReport(workspace.name, plans, todayIso(), more);
}

function unreadable(title: string): PlanReport {
  return {
    title,
    blocks: [
      { kind: "heading", level: 1, text: title },
      {
        kind: "paragraph",
        text: "This model cannot be read right now; its owner can open it to recover it.",
      },
    ],
  };
}
