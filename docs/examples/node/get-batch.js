const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const definition = protoLoader.loadSync('hezhou/exchange/v1/submission_service.proto', {
  includeDirs: ['protos'], keepCase: false, longs: String, enums: String, defaults: true, oneofs: true,
});
const v1 = grpc.loadPackageDefinition(definition).hezhou.exchange.v1;
const client = new v1.SubmissionService(process.argv[2] || '127.0.0.1:5080', grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
metadata.set('x-api-key', 'dev-relocation-key');
client.GetBatch({ batchId: 'reloc-1' }, metadata, { deadline: Date.now() + 30_000 }, (error, response) => {
  console.log(error ? `${grpc.status[error.code]}: ${error.details}` : response.batch);
  client.close();
});
