export * from "./doc/index.ts";
export * from "./errors.ts";
export * from "./ids.ts";
export * from "./kinds.ts";
export * from "./schema.ts";
