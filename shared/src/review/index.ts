export * from "./changes.ts";
export * from "./consensus.ts";
export * from "./doc.ts";
export * from "./fields.ts";
export * from "./permissions.ts";
export * from "./read.ts";
export * from "./revision-reason.ts";
export * from "./schema.ts";
