import type { FieldError } from '@/lib/errors';
import type { FilterField, FilterOp, FilterTree } from '@/lib/segments/filter-schema';
import { choiceOptions, fieldKinds, operatorsOf } from './segment-fields';

// The advanced editor's working copy of a filter tree: every node has an id (React keys, error
// placement) and a "not" switch, and values are kept as typed, so a half-written condition can
// be shown with its error instead of being lost.

export type DraftValue = string | string[];
export interface DraftLeaf {
  kind: 'leaf';
  id: string;
  negated: boolean;
  field: FilterField;
  op: FilterOp;
  // One text, a list (in/nin), or [low, high] (between).
  value: DraftValue;
}
export interface DraftGroup {
  kind: 'group';
  id: string;
  negated: boolean;
  op: 'and' | 'or';
  children: DraftNode[];
}
export type DraftNode = DraftLeaf | DraftGroup;

let lastId = 0;
const nextId = () => `n${++lastId}`;

export type ValueShape = 'none' | 'one' | 'list' | 'range';

export function valueShape(op: FilterOp): ValueShape {
  if (op === 'isNull' || op === 'notNull') return 'none';
  if (op === 'in' || op === 'nin') return 'list';
  return op === 'between' ? 'range' : 'one';
}

// A sensible empty value for a field and operator.
export function emptyValue(field: FilterField, op: FilterOp): DraftValue {
  const shape = valueShape(op);
  if (shape === 'list') return [];
  if (shape === 'range') return ['', ''];
  if (fieldKinds[field] === 'yesNo') return 'true';
  return fieldKinds[field] === 'choice' && shape === 'one' ? (choiceOptions[field]?.[0]?.value ?? '') : '';
}

export function newLeaf(field: FilterField = 'consentStatus', op: FilterOp = 'eq'): DraftLeaf {
  return { kind: 'leaf', id: nextId(), negated: false, field, op, value: field === 'consentStatus' && op === 'eq' ? 'granted' : emptyValue(field, op) };
}

export function newGroup(children: DraftNode[] = [newLeaf()], op: 'and' | 'or' = 'and'): DraftGroup {
  return { kind: 'group', id: nextId(), negated: false, op, children };
}

// Changing the field keeps the operator when the new field takes it.
export function withField(leaf: DraftLeaf, field: FilterField): DraftLeaf {
  const op = operatorsOf(field).includes(leaf.op) ? leaf.op : (operatorsOf(field)[0] ?? 'eq');
  const sameKind = fieldKinds[field] === fieldKinds[leaf.field] && fieldKinds[field] !== 'choice';
  return { ...leaf, field, op, value: sameKind && valueShape(op) === valueShape(leaf.op) ? leaf.value : emptyValue(field, op) };
}

export function withOp(leaf: DraftLeaf, op: FilterOp): DraftLeaf {
  const keep = valueShape(op) === valueShape(leaf.op);
  return { ...leaf, op, value: keep ? leaf.value : emptyValue(leaf.field, op) };
}

const text = (v: unknown) => (typeof v === 'boolean' ? String(v) : typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

export function draftFromTree(tree: FilterTree, negated = false): DraftNode {
  if ('not' in tree) return draftFromTree(tree.not, !negated);
  if ('and' in tree || 'or' in tree) {
    const [op, children] = 'and' in tree ? (['and', tree.and] as const) : (['or', tree.or] as const);
    return { kind: 'group', id: nextId(), negated, op, children: children.map((c) => draftFromTree(c)) };
  }
  const value = Array.isArray(tree.value) ? tree.value.map(text) : text(tree.value);
  return { kind: 'leaf', id: nextId(), negated, field: tree.field, op: tree.op, value };
}

// The root is always a group; a lone condition or a not becomes its only child.
export function rootFromTree(tree: FilterTree | null): DraftGroup {
  if (!tree) return newGroup([]);
  const node = draftFromTree(tree);
  return node.kind === 'group' && !node.negated ? node : newGroup([node]);
}

// Whole numbers and amounts as numbers when they are numbers; anything else is sent as typed,
// so the server's check names the problem beside the condition.
function numberOrText(raw: string): number | string | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

function leafValue(leaf: DraftLeaf): unknown {
  const kind = fieldKinds[leaf.field];
  const one = (raw: string) => {
    if (kind === 'yesNo') return raw === 'true';
    if (kind === 'number' || leaf.op === 'withinDays' || leaf.op === 'olderThanDays') return numberOrText(raw);
    // Money stays text ("150.50"); the API takes both.
    return raw.trim() === '' ? undefined : raw.trim();
  };
  const shape = valueShape(leaf.op);
  if (shape === 'none') return undefined;
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  if (shape === 'list') return values;
  return shape === 'range' ? values.map(one) : one(values[0] ?? '');
}

export interface CompiledDraft {
  // The tree as the API takes it; null when the root has no condition yet.
  filter: unknown;
  // Node id → the path of the node in the API's error paths ("filter.and.1").
  paths: Map<string, string>;
}

export function treeFromDraft(root: DraftGroup): CompiledDraft {
  const paths = new Map<string, string>();
  const build = (node: DraftNode, path: string): unknown => {
    const own = node.negated ? `${path}.not` : path;
    paths.set(node.id, own);
    const body =
      node.kind === 'group'
        ? { [node.op]: node.children.map((c, i) => build(c, `${own}.${node.op}.${i}`)) }
        : { field: node.field, op: node.op, ...(valueShape(node.op) === 'none' ? {} : { value: leafValue(node) }) };
    return node.negated ? { not: body } : body;
  };
  if (root.children.length === 0 && !root.negated) return { filter: null, paths };
  return { filter: build(root, 'filter'), paths };
}

// Each error goes to the deepest node whose path it starts with; the rest (e.g. the whole
// tree is too deep) go to the root.
export function errorsByNode(errors: readonly FieldError[], compiled: CompiledDraft, rootId: string): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const error of errors) {
    let best = rootId;
    let bestLength = -1;
    for (const [id, path] of compiled.paths) {
      const inside = error.field === path || error.field.startsWith(`${path}.`);
      if (inside && path.length > bestLength) {
        best = id;
        bestLength = path.length;
      }
    }
    byNode.set(best, [...(byNode.get(best) ?? []), error.message]);
  }
  return byNode;
}

// The tree with the node `id` replaced by what `change` makes of it (null removes it).
export function changeNode(root: DraftGroup, id: string, change: (node: DraftNode) => DraftNode | null): DraftGroup {
  const walk = (node: DraftNode): DraftNode | null => {
    if (node.id === id) return change(node);
    if (node.kind === 'leaf') return node;
    const children = node.children.map(walk).filter((c): c is DraftNode => c !== null);
    return children.length === node.children.length && children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
  };
  const next = walk(root);
  return next?.kind === 'group' ? next : root;
}
