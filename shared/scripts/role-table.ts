// Prints the workspace-role → model-role rule as the README's markdown table.
import { workspaceRoleTable } from "../src/workspaces.ts";

console.log(workspaceRoleTable());
