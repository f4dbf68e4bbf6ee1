import { planReport } from "@logic-canvas/shared";
import { z } from "zod";
import { planToDocx } from "../reports/docx-writer.ts";
import { planToPdf } from "../reports/pdf-writer.ts";
import { planInput } from "../reports/plan-input.ts";
import type { RouteKit } from "./api.ts";
import { attachment, fileName, modelIdOf } from "./routes.ts";

const reportQuery = z.object({
  format: z.enum(["pdf", "docx"], { error: 'must be "pdf" or "docx"' }),
});

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Writing a plan costs far more than reading a model: a tighter limit per address. */
export const REPORTS_PER_MINUTE = 12;

/** `GET /api/models/:id/report?format=pdf|docx`: the written plan, for anyone who may view. */
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
      const pdf = request.query.format === "pdf";
      const body = pdf ? await planToPdf(plan) : await planToDocx(plan);
      return reply
        .type(pdf ? "application/pdf" : DOCX_TYPE)
        .header(
          "Content-Disposition",
          attachment(fileName(plan.title), pdf ? ".plan.pdf" : ".plan.docx"),
        )
        .send(body);
    },
  );
}
