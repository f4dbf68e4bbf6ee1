import {
  blankModel,
  coachingTemplate,
  type LogicModel,
  type ModelFile,
  type ModelFileExtensions,
  parseModelFile,
  TITLE_MAX,
  withCardsPlaced,
} from "@logic-canvas/shared";
import { ApiError } from "./respond.ts";

/**
 * A model file from a request body. Files sent through the API (a new model, or `PUT …/content`
 * by the owner of a model anyone can create) are capped at `maxCards` cards, well below what the
 * document allows: reading and checking a very large model costs seconds of server time. Cards
 * the file leaves unplaced, or places on top of each other, are laid out as Tidy lanes would.
 */
export function parseFile(body: unknown, maxCards: number): { model: LogicModel; file: ModelFile } {
  if (body === undefined)
    throw new ApiError(400, "bad-request", "Send a logic-model file as the JSON body.");
  const parsed = parseModelFile(body);
  if (!parsed.ok) {
    const count = parsed.errors.length === 1 ? "1 problem" : `${parsed.errors.length} problems`;
    throw new ApiError(
      400,
      "invalid-model-file",
      `This model file cannot be imported (${count}); nothing was changed.`,
      parsed.errors,
    );
  }
  const cards = parsed.model.nodes.length;
  if (cards > maxCards) {
    throw new ApiError(
      400,
      "too-many-cards",
      `A model file sent to the server can have at most ${maxCards.toLocaleString("en-US")} cards; this one has ${cards.toLocaleString("en-US")}. Split it, or add the rest of the cards on the canvas.`,
      [
        {
          path: "nodes",
          message: `at most ${maxCards} cards`,
          text: `The file has ${cards.toLocaleString("en-US")} cards; a file sent to the server can have at most ${maxCards.toLocaleString("en-US")}.`,
        },
      ],
    );
  }
  return { model: withCardsPlaced(parsed.model), file: parsed.file };
}

/** A created model and, from a file, its check-in dates, comments and votes. */
export function modelFromCreateBody(
  body: unknown,
  maxCards: number,
): { model: LogicModel; extras?: ModelFileExtensions } {
  if (body === undefined) return { model: blankModel() };
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(
      400,
      "bad-request",
      'Send nothing, { title }, { template: "coaching" } or a logic-model file.',
    );
  }
  const record = body as Record<string, unknown>;
  if ("format" in record || "nodes" in record) {
    const { model, file } = parseFile(body, maxCards);
    return {
      model,
      extras: { checkIns: file.checkIns, review: file.review, cafes: file.cafes },
    };
  }
  const unknown = Object.keys(record).filter((k) => k !== "title" && k !== "template");
  if (unknown.length) {
    throw new ApiError(
      400,
      "bad-request",
      `Unknown field ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(", ")}.`,
    );
  }
  const title = record.title;
  if (
    title !== undefined &&
    (typeof title !== "string" || title.trim() === "" || title.length > TITLE_MAX)
  ) {
    throw new ApiError(400, "bad-request", `title must be text of 1 to ${TITLE_MAX} characters.`, [
      {
        path: "title",
        message: `must be text of 1 to ${TITLE_MAX} characters`,
        text: `The model's title must be 1 to ${TITLE_MAX} characters long.`,
      },
    ]);
  }
  if (record.template !== undefined && record.template !== "coaching") {
    throw new ApiError(400, "bad-request", 'template must be "coaching".', [
      { path: "template", message: 'must be "coaching"', text: "The only template is “coaching”." },
    ]);
  }
  if (record.template === "coaching") {
    const model = coachingTemplate();
    return { model: typeof title === "string" ? { ...model, title: title.trim() } : model };
  }
  return { model: blankModel(typeof title === "string" ? title.trim() : undefined) };
}
