import { describe, expect, it } from 'vitest';
import { segmentCriteriaSchema } from '@/lib/segments/filter-schema';
import { type DraftGroup, type DraftLeaf, changeNode, errorsByNode, newGroup, newLeaf, rootFromTree, treeFromDraft, withField, withOp } from './draft-tree';

const tree = {
  and: [
    { field: 'totalSpent', op: 'between', value: [100, 2500.5] },
    { not: { or: [{ field: 'state', op: 'in', value: ['MY-10', 'MY-14'] }, { field: 'gender', op: 'isNull' }] } },
    { not: { field: 'hasIc', op: 'eq', value: true } },
    { field: 'lastPurchaseAt', op: 'withinDays', value: 30 },
    { field: 'createdAt', op: 'lte', value: '2026-06-30' },
  ],
};
const parsed = segmentCriteriaSchema.parse({ filter: tree }).filter;

describe('the advanced editor draft', () => {
  it('turns a stored tree into a draft and back into the same tree (not as a switch on the node)', () => {
    const root = rootFromTree(parsed);
    expect(root.children.map((c) => c.negated)).toEqual([false, true, true, false, false]);
    const { filter } = treeFromDraft(root);
    expect(segmentCriteriaSchema.parse({ filter }).filter).toEqual(parsed);
  });

  it('wraps a lone condition or a not in a root group, and an empty root means no filter yet', () => {
    const lone = rootFromTree({ not: { field: 'gender', op: 'eq', value: 'F' } });
    expect(lone.kind).toBe('group');
    expect(treeFromDraft(lone).filter).toEqual({ and: [{ not: { field: 'gender', op: 'eq', value: 'F' } }] });
    expect(treeFromDraft(newGroup([])).filter).toBeNull();
    expect(treeFromDraft(rootFromTree(null)).filter).toBeNull();
  });

  it('sends whole numbers as numbers and anything else as typed, so the server can name the problem', () => {
    const leaf = (field: DraftLeaf['field'], op: DraftLeaf['op'], value: DraftLeaf['value']): DraftLeaf => ({ ...newLeaf(field, op), value });
    const root = newGroup([leaf('age', 'gte', ' 30 '), leaf('age', 'lt', 'thirty'), leaf('totalSpent', 'gte', '150.50'), leaf('purchaseCount', 'between', ['2', '']), leaf('hasIc', 'eq', 'false')]);
    expect(treeFromDraft(root).filter).toEqual({
      and: [
        { field: 'age', op: 'gte', value: 30 },
        { field: 'age', op: 'lt', value: 'thirty' },
        { field: 'totalSpent', op: 'gte', value: '150.50' },
        { field: 'purchaseCount', op: 'between', value: [2, undefined] },
        { field: 'hasIc', op: 'eq', value: false },
      ],
    });
  });

  it('puts each error beside the deepest condition or group it names', () => {
    const bad = newLeaf('age', 'gte');
    const empty = newGroup([]);
    empty.negated = true;
    const root: DraftGroup = newGroup([newLeaf(), newGroup([newLeaf(), bad]), empty]);
    const compiled = treeFromDraft(root);
    const result = segmentCriteriaSchema.safeParse({ filter: compiled.filter });
    const errors = result.success ? [] : result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));

    expect(errors.map((e) => e.field)).toEqual(['filter.and.1.and.1.value', 'filter.and.2.not.and']);
    const byNode = errorsByNode([...errors, { field: 'filter', message: 'Too deep.' }], compiled, root.id);
    expect(byNode.get(bad.id)).toEqual(['Enter a whole number.']);
    expect(byNode.get(empty.id)).toEqual(['A group needs at least one condition.']);
    expect(byNode.get(root.id)).toEqual(['Too deep.']);
  });

  it('keeps what fits when the field or operator changes, and starts the value afresh otherwise', () => {
    const spend: DraftLeaf = { ...newLeaf('totalSpent', 'gte'), value: '200' };
    expect(withField(spend, 'averageSpend')).toMatchObject({ field: 'averageSpend', op: 'gte', value: '200' });
    expect(withField(spend, 'state')).toMatchObject({ field: 'state', op: 'eq', value: 'MY-01' });
    expect(withField(spend, 'lastPurchaseAt')).toMatchObject({ op: 'gte', value: '' });
    expect(withOp(spend, 'between').value).toEqual(['', '']);
    expect(withOp(spend, 'lt').value).toBe('200');
    expect(withOp({ ...newLeaf('state', 'in'), value: ['MY-10'] }, 'nin').value).toEqual(['MY-10']);
  });
});

describe('changeNode', () => {
  it('replaces or removes one node anywhere and leaves the rest untouched', () => {
    const leaf = newLeaf('gender', 'eq');
    const inner = newGroup([leaf, newLeaf()]);
    const other = newLeaf();
    const root = newGroup([inner, other]);

    const negated = changeNode(root, leaf.id, (n) => ({ ...n, negated: true }));
    expect((negated.children[0] as DraftGroup).children[0]).toMatchObject({ id: leaf.id, negated: true });
    expect(negated.children[1]).toBe(other);
    expect(root.children[0]).toBe(inner);

    const removed = changeNode(root, inner.id, () => null);
    expect(removed.children).toEqual([other]);
    expect(changeNode(root, root.id, () => null)).toBe(root);
  });
});
