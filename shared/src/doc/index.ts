export * from "./check-ins.ts";
export * from "./fields.ts";
export * from "./layout.ts";
export * from "./measurements.ts";
export * from "./migrate.ts";
export * from "./mutate.ts";
export * from "./read.ts";
export * from "./replace.ts";
