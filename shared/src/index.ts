/**
 * The public surface of `@logic-canvas/shared`: exactly what the server, the client and the tests
 * import, by name, kept in topic files under surface/. Add a name there when another package
 * needs it; what is not listed stays internal to shared/ (its own tests import modules directly).
 */

export * from "./surface/cascade.ts";
export * from "./surface/doc.ts";
export * from "./surface/model.ts";
export * from "./surface/monitoring.ts";
export * from "./surface/review.ts";
