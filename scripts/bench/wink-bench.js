// wink-nlp's full English pipeline (tokens, sentences, entities, POS) over the "text" of every line of a JSON
// Lines file (.jsonl or .jsonl.gz), streamed a line at a time: the yardstick of scripts/bench-ingest.sh.
// Prints one line: documents, MB (UTF-8 bytes of the texts), seconds, documents/s, MB/s.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const readline = require('readline');
const path = require('path');
const tools = process.env.WINK_DIR || path.join(__dirname, '..', '..', '.tools', 'wink', 'node_modules');
const winkNLP = require(path.join(tools, 'wink-nlp'));
const model = require(path.join(tools, 'wink-eng-lite-web-model'));

async function main() {
  const file = process.argv[2];
  const nlp = winkNLP(model);
  const its = nlp.its;
  let input = fs.createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let docs = 0, bytes = 0, tokens = 0, entities = 0, sentences = 0;
  const start = process.hrtime.bigint();
  for await (const line of lines) {
    if (!line.trim()) continue;
    const text = JSON.parse(line).text || '';
    bytes += Buffer.byteLength(text, 'utf8');
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().out(its.pos).length;
    sentences += doc.sentences().length();
    entities += doc.entities().out(its.detail).length;
    docs++;
  }
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const mb = bytes / (1024 * 1024);
  console.log(`wink-nlp: ${docs} documents, ${mb.toFixed(2)} MB, ${s.toFixed(2)} s, ${(docs / s).toFixed(1)} documents/s, ${(mb / s).toFixed(3)} MB/s (${tokens} tokens, ${sentences} sentences, ${entities} entities)`);
}
main().catch(e => { console.error('wink-bench: ' + e.message); process.exit(1); });
