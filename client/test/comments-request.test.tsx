import { act, cleanup, render, screen } from "@testing-library/react";
import { Suspense } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { requestComments, takeCommentsRequest } from "../src/review/comments-request.ts";
import { useThreadFilter } from "../src/review/use-thread-filter.ts";

afterEach(() => {
  cleanup();
  takeCommentsRequest();
});

/** A promise the first render of the panel waits for, as a mount React throws away and redoes. */
function firstRenderWaits() {
  let waited = false;
  let resolve: () => void = () => {};
  const ready = new Promise<void>((r) => {
    resolve = r;
  });
  return {
    waited: () => waited,
    wait() {
      if (waited) return;
      waited = true;
      throw ready;
    },
    resolve,
  };
}

function Filter({ gate }: { gate?: ReturnType<typeof firstRenderWaits> }) {
  const [filter, patch] = useThreadFilter();
  gate?.wait();
  return (
    <button type="button" onClick={() => patch({ node: "all" })}>
      {filter.node}
    </button>
  );
}

describe("the comments sidebar opened from a card's badge", () => {
  it("starts on that card even when its first render is thrown away and done again", async () => {
    requestComments("fluency");
    const gate = firstRenderWaits();
    render(
      <Suspense fallback={<p>loading</p>}>
        <Filter gate={gate} />
      </Suspense>,
    );
    await act(async () => gate.resolve());
    expect(gate.waited()).toBe(true);
    expect(screen.getByRole("button").textContent).toBe("fluency");
  });

  it("takes the request once: a sidebar opened later by hand starts on every card", async () => {
    requestComments("fluency");
    const first = render(<Filter />);
    expect(screen.getByRole("button").textContent).toBe("fluency");
    first.unmount();
    render(<Filter />);
    expect(screen.getByRole("button").textContent).toBe("all");
  });

  it("follows a badge clicked while the sidebar is open", async () => {
    render(<Filter />);
    expect(screen.getByRole("button").textContent).toBe("all");
    await act(async () => requestComments("routine"));
    expect(screen.getByRole("button").textContent).toBe("routine");
  });
});
