// Lints every file named on stdin (one path a line) with one peer linter in
// this one process, and prints "files bytes findings seconds" for the loop.
'use strict';
const fs = require('fs');
const path = require('path');

const [peer, modulesDir] = process.argv.slice(2);
const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
const contents = files.map((f) => fs.readFileSync(f, 'utf8'));
let lint;
if (peer === 'dockerfilelint') {
  const dfl = require(path.join(modulesDir, 'dockerfilelint'));
  lint = (text) => dfl.run(path.join(modulesDir, 'none'), text).length;
} else if (peer === 'dockerfile-utils') {
  const du = require(path.join(modulesDir, 'dockerfile-utils'));
  lint = (text) => du.validate(text).length;
} else if (peer === 'dockerlinter') {
  // Its CLI exits the process after one file; run the same steps in a loop.
  const dir = path.join(modulesDir, 'dockerlinter', 'lib');
  const {parseToLines} = require(path.join(dir, 'parser'));
  const dirs = require(path.join(dir, 'directives'));
  const groups = require(path.join(dir, 'groups'));
  const errors = require(path.join(dir, 'errors'));
  const lints = require(path.join(dir, 'lints'));
  lint = (text) => {
    errors.cleanErrors();
    const lines = parseToLines(text);
    const inlineIgnores = groups.getInlineIgnores(lines);
    const parserDirectives = dirs.directivesParser(lines);
    const escape = dirs.getEscape(parserDirectives);
    let g = groups.groupByCommand(groups.groupLinesByInstruction(lines, escape));
    g = groups.replaceArgAndEnv(g, escape);
    const aliases = dirs.parseFromAliases(g);
    const parsed = {lines, parserDirectives, escape, groups: g, aliases, inlineIgnores};
    for (const name of Object.keys(lints)) lints[name](parsed);
    return errors.getErrors().length;
  };
} else {
  throw new Error('unknown peer ' + peer);
}
const start = process.hrtime.bigint();
let findings = 0;
for (const text of contents) {
  try {
    findings += lint(text);
  } catch (e) {
    // A peer crashing on one file still counts the file as processed.
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const bytes = contents.reduce((n, t) => n + Buffer.byteLength(t), 0);
console.log(`${files.length} ${bytes} ${findings} ${seconds}`);
