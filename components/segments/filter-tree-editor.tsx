'use client';

import { Plus, Trash2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { cn } from '@/lib/utils';
import { type DraftGroup, type DraftNode, changeNode, newGroup, newLeaf } from './draft-tree';
import { FilterCondition } from './filter-condition';

interface NodeProps {
  node: DraftNode;
  position: string;
  errors: Map<string, string[]>;
  // Replace this node (null removes it).
  onChange: (id: string, change: (node: DraftNode) => DraftNode | null) => void;
  isRoot?: boolean;
}

function Errors({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <ul role="alert" className="grid gap-0.5 text-sm font-medium text-destructive">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

function NodeActions({ node, position, isRoot, onChange }: Omit<NodeProps, 'errors'>) {
  return (
    <span className="ml-auto flex items-center gap-1">
      <Button type="button" variant={node.negated ? 'secondary' : 'ghost'} size="sm" aria-pressed={node.negated} onClick={() => onChange(node.id, (n) => ({ ...n, negated: !n.negated }))}>
        Not
        <span className="sr-only"> ({position})</span>
      </Button>
      {isRoot ? null : (
        <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${position}`} onClick={() => onChange(node.id, () => null)}>
          <Trash2 aria-hidden="true" />
        </Button>
      )}
    </span>
  );
}

function NotBadge({ show }: { show: boolean }) {
  return show ? (
    <Badge variant="destructive" title="Customers who do NOT match this">
      Not
    </Badge>
  ) : null;
}

function GroupNode({ node, position, errors, onChange, isRoot }: NodeProps & { node: DraftGroup }) {
  const add = (child: DraftNode) => onChange(node.id, (n) => (n.kind === 'group' ? { ...n, children: [...n.children, child] } : n));
  return (
    <fieldset className={cn('grid gap-3 rounded-lg border p-3', node.negated && 'border-destructive/50', !isRoot && 'bg-muted/30')} data-testid="segment-group" data-negated={node.negated || undefined}>
      <legend className="sr-only">{position}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <NotBadge show={node.negated} />
        <span className="text-sm">Match</span>
        <NativeSelect
          aria-label={`${position}: match all or any`}
          value={node.op}
          onChange={(e) => onChange(node.id, (n) => (n.kind === 'group' ? { ...n, op: e.target.value === 'or' ? 'or' : 'and' } : n))}
          containerClassName="w-28"
        >
          <NativeSelectOption value="and">all</NativeSelectOption>
          <NativeSelectOption value="or">any</NativeSelectOption>
        </NativeSelect>
        <span className="text-sm">of these</span>
        <NodeActions node={node} position={position} isRoot={isRoot} onChange={onChange} />
      </div>
      <Errors messages={errors.get(node.id)} />
      {node.children.length > 0 ? (
        <ol className="grid gap-2">
          {node.children.map((child, i) => (
            <li key={child.id}>
              <TreeNode node={child} position={`${isRoot ? '' : `${position}, `}${child.kind === 'group' ? 'group' : 'condition'} ${i + 1}`} errors={errors} onChange={onChange} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted-foreground">{isRoot ? 'No conditions yet: add one to see who matches.' : 'Add a condition to this group.'}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => add(newLeaf())}>
          <Plus aria-hidden="true" />
          Add condition<span className="sr-only"> to {position}</span>
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={() => add(newGroup())}>
          <Plus aria-hidden="true" />
          Add group<span className="sr-only"> to {position}</span>
        </Button>
      </div>
    </fieldset>
  );
}

function TreeNode(props: NodeProps) {
  const { node, position, errors, onChange } = props;
  if (node.kind === 'group') return <GroupNode {...props} node={node} />;
  return (
    <div className={cn('grid gap-1.5 rounded-md border bg-background p-2', node.negated && 'border-destructive/50')} data-testid="segment-condition" data-negated={node.negated || undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <NotBadge show={node.negated} />
        <FilterCondition leaf={node} position={position} errors={errors.get(node.id) ?? []} onChange={(next) => onChange(node.id, () => next)} />
        <NodeActions node={node} position={position} onChange={onChange} />
      </div>
      <Errors messages={errors.get(node.id)} />
    </div>
  );
}

// The advanced editor: groups of all/any, each node switchable to NOT, conditions added and
// removed anywhere. Errors (from the same check the server runs) appear beside their node.
export function FilterTreeEditor({ root, errors, onChange }: { root: DraftGroup; errors: Map<string, string[]>; onChange: (root: DraftGroup) => void }) {
  return <TreeNode node={root} position="All conditions" errors={errors} onChange={(id, change) => onChange(changeNode(root, id, change))} isRoot />;
}
