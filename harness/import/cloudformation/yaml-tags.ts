/** CloudFormation's short-form YAML tags (`!Sub`, `!Ref`, `!GetAtt`...) as their long-form objects. */
import type { CollectionTag, ScalarTag } from 'yaml';

const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString',
];

type Tag = ScalarTag | CollectionTag;

function tagsFor(name: string, key: string, scalar: (v: string) => unknown = (v) => v): Tag[] {
  const tag = `!${name}`;
  return [
    { tag, resolve: (v: string) => ({ [key]: scalar(v) }) } as ScalarTag,
    { tag, collection: 'seq', resolve: (seq: { toJSON(): unknown }) => ({ [key]: seq.toJSON() }) } as unknown as CollectionTag,
    { tag, collection: 'map', resolve: (map: { toJSON(): unknown }) => ({ [key]: map.toJSON() }) } as unknown as CollectionTag,
  ];
}

export const CLOUDFORMATION_TAGS: Tag[] = [
  ...tagsFor('Ref', 'Ref'),
  ...tagsFor('Condition', 'Condition'),
  ...tagsFor('GetAtt', 'Fn::GetAtt', (v) => {
    const dot = v.indexOf('.');
    return dot < 0 ? [v] : [v.slice(0, dot), v.slice(dot + 1)];
  }),
  ...FUNCTIONS.flatMap((f) => tagsFor(f, `Fn::${f}`)),
];
