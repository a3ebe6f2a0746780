// An independent transcription of GitHub codeql-action's src/fingerprints.ts hash() (upload-sarif's
// primaryLocationLineHash), with BigInt standing in for the Long library. GitHubLineHashTests
// compares edlint's Swift implementation with it. Usage: node github-line-hash.js FILE
const fs = require("fs");
const BLOCK_SIZE = 100, MOD = 37n, EOF = 65535;
const s64 = (x) => BigInt.asIntN(64, x);
function hash(text) {
  let firstMod = 1n; for (let i = 0; i < BLOCK_SIZE; i++) firstMod = s64(firstMod * MOD);
  const window = Array(BLOCK_SIZE).fill(0n), lineNumbers = Array(BLOCK_SIZE).fill(-1);
  let hashRaw = 0n, index = 0, lineNumber = 0, lineStart = true, prevCR = false; const counts = {}; const out = {};
  const outputHash = () => { const v = BigInt.asUintN(64, hashRaw).toString(16); counts[v] = (counts[v] || 0) + 1; out[lineNumbers[index]] = `${v}:${counts[v]}`; lineNumbers[index] = -1; };
  const updateHash = (c) => { const begin = window[index]; window[index] = BigInt(c); hashRaw = s64(s64(s64(MOD * hashRaw) + BigInt(c)) - s64(firstMod * begin)); index = (index + 1) % BLOCK_SIZE; };
  const pc = (c) => { if (c === 32 || c === 9 || (prevCR && c === 10)) { prevCR = false; return; } if (c === 13) { c = 10; prevCR = true; } else prevCR = false; if (lineNumbers[index] !== -1) outputHash(); if (lineStart) { lineStart = false; lineNumber++; lineNumbers[index] = lineNumber; } if (c === 10) lineStart = true; updateHash(c); };
  for (let i = 0; i < text.length; ++i) pc(text.charCodeAt(i));
  pc(EOF);
  for (let i = 0; i < BLOCK_SIZE; i++) { if (lineNumbers[index] !== -1) outputHash(); updateHash(0); }
  return out;
}
const text = fs.readFileSync(process.argv[2], "utf8");
const h = hash(text);
for (const k of Object.keys(h).map(Number).sort((a,b)=>a-b)) console.log(k, h[k]);
