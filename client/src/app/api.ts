import { requestJson } from "./json-api.ts";

export interface CreatedModel {
  id: string;
  title: string;
  links: { owner: string; editor: string; commenter: string; viewer: string };
}

export interface ModelInfo {
  id: string;
  title: string;
  role: "viewer" | "commenter" | "editor" | "owner";
  updatedAt: string;
  nodeCount: number;
  edgeCount: number;
}

export function createModel(body?: unknown): Promise<CreatedModel> {
  return requestJson("/api/models", { method: "POST", body });
}

export function getModel(id: string, token: string): Promise<ModelInfo> {
  return requestJson(`/api/models/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}
