import { runRows } from './condition-table.js';

runRows('Bool, Null and BinaryEquals', [
  ['Bool', 'true', 'true', true],
  ['Bool', 'true', 'TRUE', true],
  ['Bool', 'true', 'false', false],
  ['Bool', 'false', 'false', true],
  ['Bool', 'true', 'yes', false],
  ['Bool', 'true', undefined, false],
  ['BoolIfExists', 'false', undefined, true],
  ['Null', 'true', undefined, true],
  ['Null', 'true', 'x', false],
  ['Null', 'false', 'x', true],
  ['Null', 'false', undefined, false],
  ['Null', ['true', 'false'], 'x', true],
  ['Null', 'false', [], true], // an empty set is present
  ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ5', true],
  ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ6', false],
  ['BinaryEquals', 'QmluYXJ5', undefined, false],
  ['BinaryEqualsIfExists', 'QmluYXJ5', undefined, true],
]);
