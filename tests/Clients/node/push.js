#!/usr/bin/env node
// A department's push script in Node: streams a JSON Lines file of SubmissionRecords (proto3 JSON, one per line, as
// `hezhou generate` writes them) to SubmissionService.StreamRecords as one batch, then reads the batch back with
// GetBatch. It uses @grpc/grpc-js and @grpc/proto-loader on protos/ directly: no generated code.
//
//   node tests/Clients/node/push.js --server 127.0.0.1:5080 --api-key dev-relocation-key relocation.jsonl
//
// It checks what it received and exits non-zero when something does not hold together:
//   0  done, every record accepted or unchanged (and every --expect-* met)
//   1  a check failed (MISMATCH lines on standard error), or records were rejected without --expect-rejected
//   2  wrong command line, or the file does not parse (nothing was sent)
//   3  the server cannot be reached
//   4  the server refused the key (UNAUTHENTICATED) or the principal may not push this (PERMISSION_DENIED)
//   5  any other error the server answered
// With --json it prints {"acknowledged": <Batch>, "stored": <Batch>} and nothing else on standard output.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTOS = path.resolve(__dirname, '../../../protos');
const RECORDS_PER_MESSAGE = 1000;

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: push.js --server HOST:PORT --api-key KEY [--batch-id ID] [--expect-accepted N] ' +
    '[--expect-rejected N] [--json] FILE.jsonl');
  process.exit(2);
}

function parseArguments(argv) {
  const options = { server: '127.0.0.1:5080', apiKey: process.env.HEZHOU_API_KEY, json: false, file: undefined };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${argument} needs a value`);
      return argv[++i];
    };
    const count = () => {
      const text = value();
      if (!/^\d+$/.test(text)) usage(`${argument} takes a count, not "${text}"`);
      return Number(text);
    };
    switch (argument) {
      case '--server': options.server = value(); break;
      case '--api-key': options.apiKey = value(); break;
      case '--batch-id': options.batchId = value(); break;
      case '--expect-accepted': options.expectAccepted = count(); break;
      case '--expect-rejected': options.expectRejected = count(); break;
      case '--json': options.json = true; break;
      case '--help': usage(); break;
      default:
        if (argument.startsWith('--') || options.file !== undefined) usage(`unexpected argument "${argument}"`);
        options.file = argument;
    }
  }
  if (!options.file) usage('a JSON Lines file is required');
  if (!options.apiKey) usage('--api-key (or HEZHOU_API_KEY) is required');
  return options;
}

/** The file's records, each parsed; a line that is not JSON stops the script before anything is sent. */
function readRecords(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    usage(`cannot read ${file}: ${error.message}`);
  }
  const records = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      usage(`${file}:${index + 1}: not JSON: ${error.message}`);
    }
  });
  if (records.length === 0) usage(`${file} holds no records`);
  return { records, digest: crypto.createHash('sha256').update(text).digest('hex') };
}

const definition = protoLoader.loadSync(
  ['hezhou/exchange/v1/submission_service.proto', 'google/rpc/status.proto', 'google/rpc/error_details.proto'],
  { includeDirs: [PROTOS], keepCase: false, longs: String, enums: String, defaults: true, oneofs: true });
const v1 = grpc.loadPackageDefinition(definition).hezhou.exchange.v1;

/** The ErrorInfo reason and BadRequest field violations of a failed call's google.rpc.Status, if it has one. */
function errorDetails(error) {
  const result = { reason: '', fields: [] };
  const bytes = error.metadata?.get('grpc-status-details-bin')?.[0];
  if (!bytes) return result;
  const status = definition['google.rpc.Status'].deserialize(bytes);
  for (const detail of status.details) {
    // protobufjs keeps google.protobuf.Any's own field name, type_url, whatever the case option says.
    const typeUrl = detail.typeUrl ?? detail.type_url ?? '';
    const type = typeUrl.slice(typeUrl.lastIndexOf('/') + 1);
    if (type === 'google.rpc.ErrorInfo') {
      result.reason = definition['google.rpc.ErrorInfo'].deserialize(detail.value).reason;
    } else if (type === 'google.rpc.BadRequest') {
      result.fields = definition['google.rpc.BadRequest'].deserialize(detail.value).fieldViolations
        .map(v => `${v.field}: ${v.description}`);
    }
  }
  return result;
}

function fail(error) {
  const { reason, fields } = errorDetails(error);
  const name = Object.keys(grpc.status).find(key => grpc.status[key] === error.code) ?? String(error.code);
  console.error(`error: ${name} ${reason}: ${error.details}`);
  for (const field of fields) console.error(`  ${field}`);
  if (error.code === grpc.status.UNAVAILABLE && !reason) process.exit(3);
  process.exit([grpc.status.UNAUTHENTICATED, grpc.status.PERMISSION_DENIED].includes(error.code) ? 4 : 5);
}

function streamRecords(client, metadata, batchId, records) {
  return new Promise((resolve, reject) => {
    const call = client.StreamRecords(metadata, { deadline: Date.now() + 300_000 }, (error, response) =>
      error ? reject(error) : resolve(response.batch));
    for (let start = 0; start < records.length; start += RECORDS_PER_MESSAGE) {
      call.write({ batchId, records: records.slice(start, start + RECORDS_PER_MESSAGE) });
    }
    call.end();
  });
}

function getBatch(client, metadata, batchId) {
  return new Promise((resolve, reject) =>
    client.GetBatch({ batchId }, metadata, { deadline: Date.now() + 30_000 }, (error, response) =>
      error ? reject(error) : resolve(response.batch)));
}

function check(options, records, acknowledged, stored) {
  const failures = [];
  const equal = (what, actual, expected) => {
    if (actual !== expected) failures.push(`${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  equal('batch_id', acknowledged.batchId, options.batchId);
  equal('record_count', acknowledged.recordCount, records.length);
  equal('accepted + unchanged + rejected',
    acknowledged.acceptedCount + acknowledged.unchangedCount + acknowledged.rejectedCount, records.length);
  equal('rejected results listed', acknowledged.results.length, Math.min(acknowledged.rejectedCount, 1000));
  for (const result of acknowledged.results) {
    equal(`result ${result.index} outcome`, result.outcome, 'RECORD_OUTCOME_REJECTED');
    if (result.violations.length === 0) failures.push(`result ${result.index}: rejected without a violation`);
    equal(`result ${result.index} source_key`, result.sourceKey, records[result.index]?.sourceKey);
  }
  if (options.expectAccepted !== undefined) equal('accepted_count', acknowledged.acceptedCount, options.expectAccepted);
  equal('rejected_count', acknowledged.rejectedCount, options.expectRejected ?? 0);
  // GetBatch returns the batch as first acknowledged: the same outcome, whatever its state now.
  for (const field of ['batchId', 'department', 'principal', 'contentDigest', 'recordCount', 'acceptedCount',
    'unchangedCount', 'rejectedCount']) {
    equal(`GetBatch ${field}`, stored[field], acknowledged[field]);
  }
  return failures;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const { records, digest } = readRecords(options.file);
  options.batchId ??= `node-${digest.slice(0, 16)}`;

  const client = new v1.SubmissionService(options.server, grpc.credentials.createInsecure());
  const metadata = new grpc.Metadata();
  metadata.set('x-api-key', options.apiKey);
  let acknowledged;
  let stored;
  try {
    acknowledged = await streamRecords(client, metadata, options.batchId, records);
    stored = await getBatch(client, metadata, options.batchId);
  } catch (error) {
    fail(error);
  } finally {
    client.close();
  }

  const failures = check(options, records, acknowledged, stored);
  if (options.json) {
    console.log(JSON.stringify({ acknowledged, stored }, null, 2));
  } else {
    console.log(`${options.file}: batch ${acknowledged.batchId} of ${acknowledged.department}, ` +
      `${acknowledged.recordCount} records: ${acknowledged.acceptedCount} accepted, ` +
      `${acknowledged.unchangedCount} unchanged, ${acknowledged.rejectedCount} rejected (${stored.state})`);
    for (const result of acknowledged.results) {
      for (const violation of result.violations) {
        console.log(`  record ${result.index} (${result.sourceKey}): ${violation.field} ${violation.reason}: ` +
          violation.description);
      }
    }
  }
  for (const failure of failures) console.error(`MISMATCH: ${failure}`);
  process.exit(failures.length > 0 ? 1 : 0);
}

main().catch(error => {
  console.error(`error: ${error.stack ?? error}`);
  process.exit(5);
});
