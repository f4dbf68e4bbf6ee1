import type { FileError } from "@logic-canvas/shared";

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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FileError[] = [],
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "network", "The server cannot be reached. Check your connection.");
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "http",
      error.message ?? `The server answered ${response.status}.`,
      Array.isArray(error.details) ? error.details : [],
    );
  }
  return body as T;
}

export function createModel(body?: unknown): Promise<CreatedModel> {
  return request("/api/models", {
    method: "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function getModel(id: string, token: string): Promise<ModelInfo> {
  return request(`/api/models/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}
