// The World Café session: its record, state machine, document layout, API bodies and how an
// accepted proposal changes the model. Everything here is public.
export * from "./api.ts";
export * from "./apply.ts";
export * from "./doc.ts";
export * from "./schema.ts";
export * from "./session.ts";
