import { coachingTemplate } from "@logic-canvas/shared";
import { shareLink } from "./http/api.ts";
import { optionsFromEnv, startServer } from "./index.ts";

/**
 * `npm start`: reads the environment (see README), starts the server and prints where to go.
 * On the first start, with no model yet, it creates one from the coaching template and prints
 * its owner link; later starts print nothing secret (a link is copied again from its Share dialog).
 */
async function main(): Promise<void> {
  const server = await startServer(optionsFromEnv());
  console.log(`Logic Canvas is running at ${server.url}`);
  if ((await server.store.countModels()) === 0) {
    const created = await server.models.create(coachingTemplate());
    console.log(`Your first model "${created.title}" (owner link, keep it private):`);
    console.log(`  ${shareLink(server.publicUrl, created.id, created.tokens.owner)}`);
  } else {
    // "Open a model" is also what tests/support/server-process.ts waits for.
    console.log(
      `Open a model with its share link, or open ${server.url} to see the models opened in this browser and start a new one.`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}; saving and closing connections…`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  // A closed terminal: saved and closed like any other stop, not cut off mid-write.
  process.on("SIGHUP", () => stop("SIGHUP"));
}

main().catch((error) => {
  console.error(
    `Logic Canvas could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
