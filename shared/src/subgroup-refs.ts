import { describeProblem, type FileError } from "./file-report.ts";

/**
 * A measurement in a file that names a subgroup its goal does not track (issue 18) would be
 * nobody's: not the whole group's, and no line of the chart. The file is refused with its place,
 * as for duplicate ids, rather than kept with a measurement no one can see. (In a live document a
 * concurrent removal can leave one; readers then ignore it.)
 */
export function unknownSubgroupRefs(data: Record<string, unknown>): FileError[] {
  const nodes = Array.isArray(data.nodes) ? data.nodes : [];
  const errors: FileError[] = [];
  nodes.forEach((node, index) => {
    if (typeof node !== "object" || node === null) return;
    const { subgroups, measurements } = node as Record<string, unknown>;
    if (!Array.isArray(measurements)) return;
    const ids = new Set(
      (Array.isArray(subgroups) ? subgroups : []).map((s) => (s as { id?: unknown })?.id),
    );
    measurements.forEach((m, at) => {
      const subgroup = (m as { subgroup?: unknown } | null)?.subgroup;
      if (typeof subgroup !== "string" || ids.has(subgroup)) return;
      errors.push(
        describeProblem(
          ["nodes", index],
          data,
          `nodes[${index}].measurements[${at}].subgroup`,
          `names the subgroup "${subgroup}", which the goal does not track`,
          `measurement ${at + 1} names the subgroup “${subgroup}”, which this goal does not track`,
        ),
      );
    });
  });
  return errors;
}
