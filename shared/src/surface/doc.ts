/**
 * Part of the public surface (see ../index.ts).
 * The Yjs layout: reading, writing and migrating a model's documents.
 */

export { alignmentsOf, alignTo, copyAlignments, setAlignments, unalign } from "../doc/alignment.ts";
export {
  type AnyType,
  type ChangedTypes,
  entryFate,
  entryField,
  type GraphChange,
  graphChanges,
  insertedItems,
  isDeletedType,
  itemsInside,
  lineage,
  newItem,
  type Step,
  type StoredItem,
  valueBefore,
} from "../doc/changes.ts";
export {
  addCheckIn,
  checkInsMap,
  readCheckIns,
  removeCheckIn,
  replaceCheckIns,
} from "../doc/check-ins.ts";
export {
  decideCycle,
  foldCycles,
  readCycles,
  saveCheck,
  saveDo,
  savePlan,
  startCycle,
} from "../doc/cycles.ts";
export {
  CHECK_INS_COLLECTION,
  type CollectionDef,
  EDGES_COLLECTION,
  type FieldDef,
  kindsSentence,
  type MapFields,
  META_FIELDS,
  NODES_COLLECTION,
  plainFieldProblem,
  plainFields,
  readOnKind,
} from "../doc/fields.ts";
export { edgesMap, measurementsOf, metaMap, nodesMap, SCHEMA_VERSION } from "../doc/layout.ts";
export {
  addMeasurement,
  addMeasurements,
  removeMeasurement,
  updateMeasurement,
} from "../doc/measurements.ts";
export {
  docSchemaVersion,
  migrateDoc,
  NewerSchemaError,
  UnreadableLayoutError,
} from "../doc/migrate.ts";
export {
  addNode,
  connect,
  deleteElements,
  deleteNode,
  disconnect,
  moveNode,
  moveNodes,
  type NodePatch,
  type SmartPatch,
  setMeta,
  updateEdge,
  updateNode,
  updateSmart,
} from "../doc/mutate.ts";
export { readPurpose, setPurpose } from "../doc/purpose.ts";
export {
  compareNodes,
  isUnreadable,
  readEdge,
  readModel,
  readModelTitle,
  readModelWithIssues,
  readNode,
  UNTITLED,
  type UnreadableEntry,
} from "../doc/read.ts";
export { loadModel, replaceModel } from "../doc/replace.ts";
export { readCanvasSnapshot } from "../doc/snapshot.ts";
export {
  addSubgroup,
  removeSubgroup,
  renameSubgroup,
  setSubgroups,
  setSubgroupValue,
  subgroupByName,
  subgroupsOfCard,
} from "../doc/subgroups.ts";
export { modelFileOfDocs } from "../model-file-of-docs.ts";
