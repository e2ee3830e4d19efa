import { runRows } from './condition-table.js';

runRows('Numeric operators', [
  ['NumericEquals', '10', '10', true],
  ['NumericEquals', '10', '10.0', true],
  ['NumericEquals', '10', '11', false],
  ['NumericEquals', '10', 'ten', false],
  ['NumericEquals', '10', undefined, false],
  ['NumericNotEquals', '10', '11', true],
  ['NumericNotEquals', ['10', '11'], '11', false],
  ['NumericNotEquals', '10', undefined, true],
  ['NumericNotEquals', '10', 'ten', false], // not comparable: neither sense holds
  ['NumericLessThan', '10', '9', true],
  ['NumericLessThan', '10', '10', false],
  ['NumericLessThanEquals', '10', '10', true],
  ['NumericGreaterThan', '10', '10.5', true],
  ['NumericGreaterThan', '10', '-3', false],
  ['NumericGreaterThanEquals', ['100', '10'], '10', true],
  ['NumericLessThanIfExists', '5', undefined, true],
  ['ForAnyValue:NumericGreaterThan', '5', ['1', '6'], true],
  ['ForAllValues:NumericGreaterThan', '5', ['1', '6'], false],
]);

runRows('Date operators', [
  ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
  ['DateEquals', '2026-01-01T00:00:00Z', '1767225600', true], // epoch seconds and ISO 8601 compare as instants
  ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00+01:00', true],
  ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', true],
  ['DateNotEquals', '2026-01-01T00:00:00Z', undefined, true],
  ['DateLessThan', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', true],
  ['DateLessThan', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
  ['DateLessThanEquals', '2026-01-01', '2026-01-01T00:00:00Z', true],
  ['DateGreaterThan', '1767225600', '2026-06-01T00:00:00Z', true],
  ['DateGreaterThanEquals', '2026-01-01T00:00:00Z', '2025-01-01T00:00:00Z', false],
  ['DateGreaterThan', '2026-01-01T00:00:00Z', 'yesterday', false],
  ['DateGreaterThan', '2026-01-01T00:00:00Z', undefined, false],
  ['DateLessThanIfExists', '2026-01-01T00:00:00Z', undefined, true],
]);
