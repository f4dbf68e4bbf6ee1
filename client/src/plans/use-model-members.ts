import { modelPeopleResponseSchema, type PersonRef } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { requestJson } from "../app/json-api.ts";
import { useReviewContext } from "../review/review-context.ts";

/**
 * The members of the model's workspace (`GET /api/models/:id/people`), to choose an owner from;
 * none for a model outside workspaces or for a role below editor (who cannot choose anyway).
 */
export function useModelMembers(): PersonRef[] {
  const ctx = useReviewContext();
  const modelId = ctx?.modelId;
  const token = ctx?.token;
  const editor = ctx?.role === "editor" || ctx?.role === "owner";
  const [people, setPeople] = useState<PersonRef[]>([]);
  useEffect(() => {
    if (!modelId || !token || !editor) return;
    let live = true;
    requestJson(`/api/models/${modelId}/people`, { headers: { authorization: `Bearer ${token}` } })
      .then((answer) => {
        const parsed = modelPeopleResponseSchema.safeParse(answer);
        if (live && parsed.success) setPeople(parsed.data.people);
      })
      // Offline or refused: the people the model itself knows are still offered.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [modelId, token, editor]);
  return people;
}
