export * from "./consensus.ts";
export * from "./doc.ts";
export * from "./permissions.ts";
export * from "./schema.ts";
