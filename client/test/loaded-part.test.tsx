import { cleanup, render, screen } from "@testing-library/react";
import { lazy } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LoadedPart } from "../src/ui/LoadedPart.tsx";

afterEach(cleanup);

/**
 * A part loaded on first use whose code cannot be fetched (offline before the page ever asked
 * for it) says so in words, and the page around it stays: the editor is never taken down by it.
 */
describe("a part loaded on first use", () => {
  it("shows its words when its code cannot be fetched, and the page around it stays", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const Broken = lazy(() =>
      Promise.reject(new TypeError("Failed to fetch dynamically imported module")),
    );
    render(
      <div>
        <p>The canvas</p>
        <LoadedPart fallback={<p>Loading…</p>}>
          <Broken />
        </LoadedPart>
      </div>,
    );
    expect(await screen.findByTestId("part-not-loaded")).toHaveProperty(
      "textContent",
      "This part could not load: the network seems to be down. Your work is kept on this device; reload once you are back online to open it.",
    );
    expect(screen.getByText("The canvas")).toBeTruthy();
    quiet.mockRestore();
  });

  it("shows the part once its code has come", async () => {
    const Part = lazy(async () => ({ default: () => <p>The goal’s progress</p> }));
    render(
      <LoadedPart fallback={<p>Loading…</p>}>
        <Part />
      </LoadedPart>,
    );
    expect(await screen.findByText("The goal’s progress")).toBeTruthy();
  });
});
