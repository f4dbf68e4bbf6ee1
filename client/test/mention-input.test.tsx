import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { MentionInput } from "../src/review/MentionInput.tsx";

afterEach(cleanup);

function Box({ start }: { start: string }) {
  const [value, setValue] = useState(start);
  return (
    <MentionInput value={value} onChange={setValue} names={["Bea", "Ben"]} label="New comment" />
  );
}

describe("the comment box's mentions", () => {
  it("puts the caret right after a picked name at once, so the next key typed lands there", () => {
    render(<Box start="" />);
    const box = screen.getByRole("textbox", { name: "New comment" }) as HTMLTextAreaElement;
    // "@Be" typed in the middle of a sentence: the caret sits after it.
    const typed = "Hi @Be, thanks";
    box.focus();
    fireEvent.change(box, { target: { value: typed, selectionStart: 6, selectionEnd: 6 } });
    box.setSelectionRange(6, 6);
    fireEvent.select(box);
    act(() => {
      screen.getByRole("button", { name: "@Bea" }).click();
    });
    expect(box.value).toBe("Hi @Bea , thanks");
    // No frame has passed: a key pressed now goes where the caret is.
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([8, 8]);
  });
});
